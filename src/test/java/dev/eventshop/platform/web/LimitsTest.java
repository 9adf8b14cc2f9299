package dev.eventshop.platform.web;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class LimitsTest {

    /** The pattern the OpenAPI description carries means what Java's \p{Cntrl} did, for every UTF-16 unit. */
    @Test
    void printableRefusesExactlyJavasControlCharacters() {
        Pattern printable = Pattern.compile(Limits.PRINTABLE);
        Pattern control = Pattern.compile("\\p{Cntrl}");
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String text = "a" + c + "b";
            assertThat(printable.matcher(text).matches()).as("U+%04X", (int) c)
                    .isEqualTo(!control.matcher(String.valueOf(c)).matches());
        }
        assertThat(printable.matcher("").matches()).isTrue();
        assertThat(printable.matcher("Ann\n").matches()).isFalse();
    }
}
