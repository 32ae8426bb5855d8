package io.docchat.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.QaTurn;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HeuristicQueryPlannerTest {

    private final HeuristicQueryPlanner planner = new HeuristicQueryPlanner();

    private static List<QaTurn> history(String... questions) {
        return Stream.of(questions).map(q -> new QaTurn(q, "Some answer.")).toList();
    }

    @Test
    void theBriefExample() {
        String out = planner.standalone("what about its price?", history("What is the ZX-9 pump's maximum flow rate?"));
        assertThat(out).contains("ZX-9 pump").contains("price");
    }

    static Stream<Arguments> englishFollowUps() {
        return Stream.of(
                Arguments.of("What is the ZX-9 pump's maximum flow rate?", "how much does it cost?",
                        List.of("ZX-9 pump", "cost")),
                Arguments.of("What is the maximum flow rate of the ZX-9 pump?", "and its weight?",
                        List.of("ZX-9 pump", "weight")),
                Arguments.of("What is the ZX-9 pump's maximum flow rate?", "and the price?",
                        List.of("ZX-9 pump", "price")),
                Arguments.of("What is the ZX-9 pump's maximum flow rate?", "What about the ZX-7?",
                        List.of("ZX-7", "maximum flow rate")),
                Arguments.of("When was Nikola Tesla born?", "Where did he die?", List.of("Nikola Tesla", "die")),
                Arguments.of("Who founded the Apache Software Foundation?", "when was it founded?",
                        List.of("Apache Software Foundation", "founded")),
                Arguments.of("Tell me about the Orion battery pack.", "How long does this battery last?",
                        List.of("Orion battery pack", "last")),
                Arguments.of("Which warranty covers the ZX-9 pump?", "Does that include labour?",
                        List.of("ZX-9 pump", "labour")),
                Arguments.of("What are the side effects of ibuprofen?", "what about the dosage?",
                        List.of("ibuprofen", "dosage")),
                Arguments.of("What are the side effects of ibuprofen?", "Can children take them?",
                        List.of("ibuprofen", "children")),
                Arguments.of("How do I reset the Model S router?", "and the same for the Model X?",
                        List.of("Model X", "reset")),
                Arguments.of("What is the capital of Australia?", "what is its population?",
                        List.of("Australia", "population")),
                Arguments.of("How many employees does Contoso have?", "Where are they based?",
                        List.of("Contoso", "based")),
                Arguments.of("Describe the Falcon 9 rocket.", "how tall is it?", List.of("Falcon 9", "tall")),
                Arguments.of("What is the price of the \"Deluxe Plan\"?", "what does it include?",
                        List.of("Deluxe Plan", "include")),
                Arguments.of("What is the boiling point of water at sea level?", "and at 3000 metres?",
                        List.of("boiling point", "3000")));
    }

    @ParameterizedTest
    @MethodSource("englishFollowUps")
    void englishFollowUpsBecomeStandalone(String previous, String followUp, List<String> expectedParts) {
        String out = planner.standalone(followUp, history(previous));
        for (String part : expectedParts) {
            assertThat(out).as("'%s' -> '%s'", followUp, out).containsIgnoringCase(part);
        }
    }

    static Stream<Arguments> standaloneQuestions() {
        return Stream.of(
                Arguments.of("What is the ZX-9 pump's maximum flow rate?", "What is photosynthesis?"),
                Arguments.of("What is the ZX-9 pump's maximum flow rate?", "How much does the ZX-7 valve weigh?"),
                Arguments.of("What is the ZX-9 pump's maximum flow rate?",
                        "Which documents describe the installation procedure?"),
                Arguments.of("Who wrote Hamlet?", "Who painted the Mona Lisa?"),
                Arguments.of("What is the ZX-9 pump's maximum flow rate?", "What is the ZX-9 pump's price?"),
                Arguments.of("What is the ZX-9 pump's maximum flow rate?", "Explain the difference between TCP and UDP."),
                Arguments.of("What is the ZX-9 pump's maximum flow rate?", "List the products that cost less than 500 dollars."),
                Arguments.of("水泵的最大流量是多少？", "光合作用是什么？"),
                Arguments.of("Who were the creators of the Flintstones?",
                        "Why was ABC forced to sell its interests in international networks?"),
                Arguments.of("In which year were the North and South Courts opened?",
                        "For what type of music was Doctor Who considered a pioneer?"),
                Arguments.of("What is QED short for?", "What did Tesla do with his patents?"),
                Arguments.of("香港冠军暨遮打杯是什么赛事的锦标赛？", "张无忌问她的姓名时黄衫女子怎样回答？"),
                Arguments.of("真君庙供奉的是谁？", "城巴40M线为什么以11米巴士来行走该线？"),
                Arguments.of("What is the ZX-9 pump's maximum flow rate?", "What is the best pump that fits a small house?"));
    }

    @ParameterizedTest
    @MethodSource("standaloneQuestions")
    void standaloneQuestionsAreReturnedUnchanged(String previous, String question) {
        assertThat(planner.standalone(question, history(previous))).isEqualTo(question);
    }

    @Test
    void withoutHistoryTheQuestionIsUnchanged() {
        assertThat(planner.standalone("what about its price?", List.of())).isEqualTo("what about its price?");
        assertThat(planner.standalone("它的价格呢？", List.of())).isEqualTo("它的价格呢？");
    }

    @Test
    void aChainOfFollowUpsKeepsTheOriginalSubject() {
        String out = planner.standalone("and how heavy is it?", history(
                "What is the ZX-9 pump's maximum flow rate?", "what about its price?", "does it come in blue?"));
        assertThat(out).contains("ZX-9 pump").contains("heavy");
    }

    @Test
    void theLatestSubjectWins() {
        String out = planner.standalone("how much does it cost?", history(
                "What is the ZX-9 pump's maximum flow rate?", "What is the Orion battery pack?"));
        assertThat(out).contains("Orion battery pack").doesNotContain("ZX-9");
    }

    static Stream<Arguments> chineseFollowUps() {
        return Stream.of(
                Arguments.of("ZX-9水泵的最大流量是多少？", "它的价格呢？", List.of("ZX-9水泵", "价格")),
                Arguments.of("ZX-9水泵的最大流量是多少？", "价格呢？", List.of("ZX-9水泵", "价格")),
                Arguments.of("ZX-9水泵的最大流量是多少？", "那ZX-7呢？", List.of("ZX-7", "最大流量")),
                Arguments.of("ZX-9水泵的最大流量是多少？", "它有多重？", List.of("ZX-9水泵", "重")),
                Arguments.of("北京的人口是多少？", "那上海呢？", List.of("上海", "人口")),
                Arguments.of("北京的人口是多少？", "它的面积呢？", List.of("北京", "面积")),
                Arguments.of("长城有多长？", "它是什么时候建造的？", List.of("长城", "建造")),
                Arguments.of("谁发明了电话？", "这个发明是哪一年？", List.of("发明了电话", "哪一年")),
                Arguments.of("《红楼梦》的作者是谁？", "这本书讲了什么？", List.of("红楼梦", "讲了")),
                Arguments.of("阿里巴巴的总部在哪里？", "该公司成立于哪一年？", List.of("阿里巴巴", "成立")),
                Arguments.of("ZX-9水泵的最大流量是多少？", "其保修期多长？", List.of("ZX-9水泵", "保修期")),
                Arguments.of("ZX-9水泵的最大流量是多少？", "这些参数在哪里能查到？", List.of("ZX-9水泵", "参数")),
                Arguments.of("The ZX-9 pump: what is its flow?", "它的价格呢？", List.of("ZX-9", "价格")),
                Arguments.of("维尔纳·法伊曼在哪一年成功连任了总理？", "他的妻子是谁？", List.of("维尔纳·法伊曼", "妻子")),
                Arguments.of("Among whom was Genghis Khan's empire split after his death?", "Where was he buried?",
                        List.of("Genghis Khan", "buried")));
    }

    @ParameterizedTest
    @MethodSource("chineseFollowUps")
    void chineseFollowUpsBecomeStandalone(String previous, String followUp, List<String> expectedParts) {
        String out = planner.standalone(followUp, history(previous));
        for (String part : expectedParts) {
            assertThat(out).as("'%s' -> '%s'", followUp, out).contains(part);
        }
    }

    @Test
    void chineseWordsThatOnlyContainAPronounCharacterAreNotPronouns() {
        List<QaTurn> h = history("ZX-9水泵的最大流量是多少？");
        assertThat(planner.standalone("其他水泵的价格是多少？", h)).isEqualTo("其他水泵的价格是多少？");
        assertThat(planner.standalone("我们应该如何安装水泵？", h)).isEqualTo("我们应该如何安装水泵？");
    }
}
