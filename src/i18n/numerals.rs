//! Chinese numerals in citations (`第二百三十五条`), so that articles sort
//! by number: 第十四条 before 第十六条 before 第一百条.

/// The value of one numeral written in Chinese (`二百三十五`, `十六`,
/// `一百零五`) or in ASCII digits; `None` for an empty or overlong run.
pub fn value(numeral: &str) -> Option<u64> {
    if numeral.chars().all(|c| c.is_ascii_digit()) {
        return numeral.parse().ok();
    }
    let (mut total, mut section, mut digit) = (0u64, 0u64, 0u64);
    for c in numeral.chars() {
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                // `十六`: a unit with no digit before it counts once.
                section = section.checked_add(digit.max(1).checked_mul(unit)?)?;
                digit = 0;
            }
            '万' => {
                total = total.checked_add(section.checked_add(digit)?.checked_mul(10_000)?)?;
                (section, digit) = (0, 0);
            }
            c => digit = digit_value(c)?,
        }
    }
    total.checked_add(section)?.checked_add(digit)
}

fn digit_value(c: char) -> Option<u64> {
    "零一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .or_else(|| (c == '〇').then_some(0))
        .or_else(|| (c == '两').then_some(2))
        .map(|d| d as u64)
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "零〇一二两三四五六七八九十百千万".contains(c)
}

/// The numbers of a citation after its law's name, in order:
/// `十三条第一款` -> `[13, 1]`.
pub fn article_numbers(text: &str) -> Vec<u64> {
    let mut out = vec![];
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_numeral(c) {
            run.push(c);
        } else if !run.is_empty() {
            out.extend(value(&run));
            run.clear();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(value("十六"), Some(16));
        assert_eq!(value("十四"), Some(14));
        assert_eq!(value("二十一"), Some(21));
        assert_eq!(value("一百"), Some(100));
        assert_eq!(value("一百零五"), Some(105));
        assert_eq!(value("二百三十五"), Some(235));
        assert_eq!(value("五十一"), Some(51));
        assert_eq!(value("12"), Some(12));
        assert_eq!(article_numbers("十三条第一款"), vec![13, 1]);
        assert_eq!(article_numbers("1条"), vec![1]);
    }
}
