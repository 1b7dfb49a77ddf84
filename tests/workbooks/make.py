"""Writes the workbooks of tests/excel.rs that rust_xlsxwriter cannot
write: an .ods (odfpy, as LibreOffice writes merged cells) and an .xlsx
written by openpyxl (which saves formulas without computing them).
Run: python3 make.py (needs `pip install odfpy openpyxl`)."""
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell, CoveredTableCell
from odf.text import P
import openpyxl

HEADER = "id,title,class,subject,personal_info,created,status,legal_hold,tags,phone,keep,score,opened".split(",")


def rec(id, **over):
    vals = dict(zip(HEADER, [id, f"title {id}", "general", "", "", "2020-01-01", "active", "", "", "", "", "", ""]))
    vals.update(over)
    return [vals[h] for h in HEADER]


def ods_merged():
    """`class` of R-1 (`general`) merged down over R-2's row, as
    LibreOffice saves a merge: rows-spanned on the top-left cell, a
    covered cell below. R-3 is `sensitive`; a title merged over the
    header's width sits above the header (row 1), the header in row 3."""
    rows = [rec("R-1"), rec("R-2", **{"class": ""}), rec("R-3", **{"class": "sensitive"})]
    doc = OpenDocumentSpreadsheet()
    t = Table(name="目录")
    title = TableRow()
    c = TableCell(valuetype="string", numbercolumnsspanned=str(len(HEADER)))
    c.addElement(P(text="案卷目录"))
    title.addElement(c)
    title.addElement(CoveredTableCell(numbercolumnsrepeated=str(len(HEADER) - 1)))
    t.addElement(title)
    t.addElement(TableRow())
    for r, values in enumerate([HEADER] + rows):
        tr = TableRow()
        for col, v in enumerate(values):
            if HEADER[col] == "class" and r == 1:
                cell = TableCell(valuetype="string", numberrowsspanned="2")
                cell.addElement(P(text=v))
            elif HEADER[col] == "class" and r == 2:
                cell = CoveredTableCell()
            else:
                cell = TableCell(valuetype="string")
                if v:
                    cell.addElement(P(text=v))
            tr.addElement(cell)
        t.addElement(tr)
    doc.spreadsheet.addElement(t)
    doc.save("merged.ods")


def xlsx_uncomputed():
    """R-1's `class` is a formula openpyxl saves with no value (`<v/>`)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(HEADER)
    ws.append(rec("R-1", **{"class": '=LOWER("GENERAL")'}))
    ws.append(rec("R-2", **{"class": "sensitive"}))
    wb.save("uncomputed.xlsx")


ods_merged()
xlsx_uncomputed()
