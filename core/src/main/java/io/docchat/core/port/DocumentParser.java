package io.docchat.core.port;


/**
 * Reads a file into pages, text blocks and line boxes. Parsers must never throw for bad content: a corrupt,
 * encrypted, empty or oversized file is a {@link ParseResult.Failure} with a reason a person can read.
 */
public interface DocumentParser {

    /** True when this parser reads this kind of file, judged by its content first and its name second. */
    boolean accepts(String fileName, byte[] content);

    ParseResult parse(String fileName, byte[] content);
}
