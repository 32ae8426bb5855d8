package io.docchat.recovery;

/** A document as the ingesting process reported it: enough to look for it, and for its file, afterwards. */
record ReportedDocument(long id, String fileKey, String fileName) {

    /** Parses the fields after the verb of a report line: {@code ID FILE_KEY FILE_NAME}. */
    static ReportedDocument parse(String[] fields) {
        return new ReportedDocument(Long.parseLong(fields[1]), fields[2], fields[3]);
    }
}
