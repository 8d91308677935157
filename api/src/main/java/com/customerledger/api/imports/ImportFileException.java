package com.customerledger.api.imports;

/**
 * An uploaded file the ledger cannot import as a whole (not a spreadsheet, empty, no name column,
 * too large): answered 400 with the problem named {@code type}; nothing is imported.
 */
class ImportFileException extends RuntimeException {

    private final String type;

    ImportFileException(String type, String message) {
        super(message);
        this.type = type;
    }

    String type() {
        return type;
    }
}
