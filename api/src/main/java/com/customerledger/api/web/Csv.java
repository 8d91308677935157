package com.customerledger.api.web;

/** Cells of the CSV sheets the ledger writes (exports, the audit trail): quoted where needed, formulas defused. */
public final class Csv {

    private Csv() {
    }

    /**
     * A cell: quoted when it holds a comma, a quote or a line break; a cell a spreadsheet would run as a formula
     * (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe. Null is an empty cell.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        String cell = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
