package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names and questions stored before control characters were refused still reach the terminal harmless. */
class TerminalTest {
    @Test
    void controlAndBidiCharactersAreShownAsEscapesAndTheRestIsKept() {
        assertThat(Terminal.printable("report\u001b]0;owned\u0007.pdf"))
                .isEqualTo("report\\u{001B}]0;owned\\u{0007}.pdf");
        assertThat(Terminal.printable("\u202Egnp.exe")).isEqualTo("\\u{202E}gnp.exe");
        assertThat(Terminal.printable("next\u0085line\u007F")).isEqualTo("next\\u{0085}line\\u{007F}");
        assertThat(Terminal.printable("泵的说明书 Ünïcödé 😀.pdf")).isEqualTo("泵的说明书 Ünïcödé 😀.pdf");
        assertThat(Terminal.printable(null)).isNull();
    }
}
