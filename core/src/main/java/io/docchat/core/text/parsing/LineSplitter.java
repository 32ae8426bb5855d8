package io.docchat.core.text.parsing;

import java.nio.CharBuffer;

/**
 * Cuts decoded text, arriving in pieces, into lines and pages: a line ends at a line feed, a carriage return or both
 * ({@code \r\n}), and a form feed ends the line and the page. A page of text {@code T} gives exactly the lines of
 * {@code T.split("\n", -1)}, its last line included even when empty, so that nothing depends on where the pieces
 * were cut.
 */
final class LineSplitter implements TextDecoding.Pieces {

    /** Where the lines go; each method answers false to stop the reading. */
    interface Receiver {
        boolean line(String line);

        boolean pageBreak();

        /** A line has grown past the most characters one line may have; it is not handed on. */
        boolean lineTooLong(long maxLineChars);
    }

    private final Receiver receiver;
    private final long maxLineChars;
    private final StringBuilder line = new StringBuilder();
    private boolean afterCarriageReturn;

    LineSplitter(Receiver receiver, long maxLineChars) {
        this.receiver = receiver;
        this.maxLineChars = maxLineChars;
    }

    @Override
    public boolean accept(CharBuffer piece) {
        while (piece.hasRemaining()) {
            char c = piece.get();
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (c == '\n') {
                    continue;
                }
            }
            boolean more = switch (c) {
                case '\r' -> {
                    afterCarriageReturn = true;
                    yield endLine();
                }
                case '\n' -> endLine();
                case '\f' -> endLine() && receiver.pageBreak();
                default -> {
                    line.append(c);
                    yield line.length() <= maxLineChars || receiver.lineTooLong(maxLineChars);
                }
            };
            if (!more) {
                return false;
            }
        }
        return true;
    }

    /** Hands on the text's last line, which no line break ended. */
    boolean end() {
        return endLine();
    }

    private boolean endLine() {
        String text = line.toString();
        line.setLength(0);
        return receiver.line(text);
    }
}
