package io.docchat.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.contract.PassageEmbedderContract;
import io.docchat.core.port.Embedding;
import io.docchat.core.port.PassageEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding contract on the real shipped models, and similarities a person would expect of them. */
class OnnxPassageEmbedderTest extends PassageEmbedderContract {

    @Override
    protected PassageEmbedder create() {
        return OnnxPassageEmbedder.of(List.of(BundledModel.BGE_SMALL_EN, BundledModel.BGE_SMALL_ZH), 2);
    }

    @Test
    void paraphrasesWithoutSharedWordsAreClose() {
        List<Embedding> v = embedder.embedPassages(List.of(
                "How can I recover a forgotten password?",
                "Steps to reset your login credentials if you lost them.",
                "The weather in Lisbon is mild in winter."));
        float paraphrase = v.get(0).dot(v.get(1).vector());
        float unrelated = v.get(0).dot(v.get(2).vector());
        assertThat(paraphrase).isGreaterThan(unrelated + 0.1f);
    }

    @Test
    void chinesePassagesUseTheChineseModelForSimplifiedAndTraditional() {
        List<Embedding> v = embedder.embedPassages(List.of("如何重置忘记的密码？", "如何重置忘記的密碼？", "里斯本的冬天很温和。"));
        assertThat(v).extracting(Embedding::space).containsOnly(BundledModel.BGE_SMALL_ZH.space());
        assertThat(v.get(0).vector()).hasSize(512);
        assertThat(v.get(0).dot(v.get(1).vector())).isGreaterThan(v.get(0).dot(v.get(2).vector()));
        // Read as Simplified, the Traditional sentence is the same sentence.
        assertThat(v.get(0).dot(v.get(1).vector())).isGreaterThan(0.99f);
    }

    @Test
    void aPassagesVectorDoesNotDependOnThePassagesEmbeddedWithIt() {
        String passage = "The pump must be primed with water before it is started for the first time.";
        float[] alone = embedder.embedPassages(List.of(passage)).get(0).vector();
        List<Embedding> together = embedder.embedPassages(List.of(
                "Short.",
                passage,
                "A much longer passage about something else entirely, which would pad every shorter text in a batch "
                        + "to its own length: valves, filters, gaskets, impellers and the seals that keep them dry.",
                "如何重置忘记的密码？"));
        assertThat(together.get(1).vector()).containsExactly(alone);
    }

    @Test
    void englishPassagesUseTheEnglishModel() {
        assertThat(embedder.embedPassages(List.of(PRIMING)).get(0).space())
                .isEqualTo(BundledModel.BGE_SMALL_EN.space());
    }

    @Test
    void aMixedQueryIsLookedForInBothSpacesAndAPureOneInItsOwn() {
        assertThat(embedder.embedQuery("PDF 文件怎么 打开 and print")).extracting(Embedding::space)
                .containsExactlyInAnyOrder(BundledModel.BGE_SMALL_EN.space(), BundledModel.BGE_SMALL_ZH.space());
        assertThat(embedder.embedQuery("怎么打开文件？")).extracting(Embedding::space)
                .containsExactly(BundledModel.BGE_SMALL_ZH.space());
        assertThat(embedder.embedQuery("How do I open the file?")).extracting(Embedding::space)
                .containsExactly(BundledModel.BGE_SMALL_EN.space());
    }

    @Test
    void aQueryLoadsTheModelsOfItsOwnLanguagesOnly() {
        try (OnnxPassageEmbedder fresh = OnnxPassageEmbedder.of(
                List.of(BundledModel.BGE_SMALL_EN, BundledModel.BGE_SMALL_ZH), 2)) {
            assertThat(fresh.loadedLanguages()).isEmpty();
            fresh.embedQuery("How do I open the file?");
            assertThat(fresh.loadedLanguages()).containsExactly(Language.ENGLISH);
            fresh.embedQuery("PDF 文件怎么 打开 and print");
            assertThat(fresh.loadedLanguages()).containsExactlyInAnyOrder(Language.ENGLISH, Language.CHINESE);
        }
    }

    @Test
    void aQueryPreparedAheadIsEmbeddedAsOneThatWasNot() {
        String question = "怎么打开文件？";
        List<Embedding> direct = embedder.embedQuery(question);
        try (OnnxPassageEmbedder prepared = OnnxPassageEmbedder.of(
                List.of(BundledModel.BGE_SMALL_EN, BundledModel.BGE_SMALL_ZH), 2)) {
            prepared.prepareQuery(question);
            List<Embedding> after = prepared.embedQuery(question);
            assertThat(prepared.loadedLanguages()).containsExactly(Language.CHINESE);
            assertThat(after).hasSize(1);
            assertThat(after.get(0).space()).isEqualTo(direct.get(0).space());
            assertThat(after.get(0).dot(direct.get(0).vector())).isGreaterThan(0.9999f);
        }
    }

    @Test
    void theModelIdNamesBothModels() {
        assertThat(embedder.modelId()).contains("bge-small-en-v1.5-q").contains("bge-small-zh-v1.5-q");
    }
}
