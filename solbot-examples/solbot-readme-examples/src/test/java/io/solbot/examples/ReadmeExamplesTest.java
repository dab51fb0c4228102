package io.solbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README shows every example file as it is: a change to one without the other fails the build. */
class ReadmeExamplesTest {
    private static final Path MODULE = Path.of(System.getProperty("solbot.examples.dir", "."));

    @Test
    void shouldShowEveryExampleOnceInItsOrder() {
        assertThat(ReadmeExamples.blocks(ReadmeExamples.readme()).keySet())
                .containsExactlyElementsOf(ReadmeExamples.NAMES);
    }

    @Test
    void shouldShowEachExampleExactlyAsItsFileIs() {
        Map<String, String> blocks = ReadmeExamples.blocks(ReadmeExamples.readme());
        for (Map.Entry<String, String> block : blocks.entrySet()) {
            Path file = ReadmeExamples.file(MODULE, block.getKey());
            assertThat(ReadmeExamples.normalised(block.getValue()))
                    .as("the README's block after <!-- example: %s --> differs from %s", block.getKey(), file)
                    .isEqualTo(ReadmeExamples.normalised(ReadmeExamples.read(file)));
        }
    }
}
