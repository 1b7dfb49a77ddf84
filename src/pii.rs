//! Masking of personal information (data-and-reports.md section 6). Every
//! report path that could print a `pii` value goes through [`mask`].

/// Masks a value so that it can be recognised by its owner but not read:
/// `13812345678` -> `138****5678`, `张三` -> `张*`, `li.wei@example.com` -> `l*********************m`.
pub fn mask(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    let n = chars.len();
    let digits = chars.iter().filter(|c| c.is_ascii_digit()).count();
    if n >= 7 && digits * 2 > n {
        let keep_end = 4;
        let keep_start = 3;
        return chars[..keep_start].iter().collect::<String>()
            + &"*".repeat(n - keep_start - keep_end)
            + &chars[n - keep_end..].iter().collect::<String>();
    }
    match n {
        0 => String::new(),
        1 => "*".into(),
        2..=3 => format!("{}{}", chars[0], "*".repeat(n - 1)),
        _ => format!("{}{}{}", chars[0], "*".repeat(n - 2), chars[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn masks_phones_names_and_text() {
        assert_eq!(mask("13812345678"), "138****5678");
        assert_eq!(mask("张三"), "张*");
        assert_eq!(mask("欧阳娜娜"), "欧**娜");
        assert_eq!(mask("x"), "*");
        assert_eq!(mask(""), "");
        assert!(!mask("li.wei@example.com").contains("wei"));
    }
}
