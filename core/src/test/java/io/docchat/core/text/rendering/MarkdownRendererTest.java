package io.docchat.core.text.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private static TextBlock block(BlockType type, int level, String... lines) {
        return new TextBlock(type, level, java.util.Arrays.stream(lines).map(l -> new TextLine(l, null)).toList());
    }

    @Test
    void markdownHasPageMarkersHeadingsListsCodeAndPipeTables() {
        List<Page> pages = List.of(
                new Page(1, 0, 0, 0, List.of(
                        block(BlockType.HEADING, 2, "Specs"),
                        block(BlockType.PARAGRAPH, 0, "Line one", "line two"),
                        block(BlockType.LIST_ITEM, 0, "first", "wrapped"),
                        block(BlockType.TABLE_ROW, 0, "Model | Flow"),
                        block(BlockType.TABLE_ROW, 0, "ZX-9 | 40 | extra"),
                        block(BlockType.CODE, 0, "a = 1", "b = 2"))),
                new Page(2, 0, 0, 0, List.of(
                        block(BlockType.TABLE_ROW, 0, "no cells here"),
                        block(BlockType.OTHER, 0, "x|y"))));
        assertThat(MarkdownRenderer.markdown(pages)).isEqualTo("""
                <!-- page 1 -->

                ## Specs

                Line one
                line two

                - first wrapped

                | Model | Flow |  |
                | --- | --- | --- |
                | ZX-9 | 40 | extra |

                ```
                a = 1
                b = 2
                ```

                <!-- page 2 -->

                no cells here \s

                x|y
                """);
    }

    @Test
    void markdownOfNoPagesIsEmpty() {
        assertThat(MarkdownRenderer.markdown(List.of())).isEmpty();
    }
}
