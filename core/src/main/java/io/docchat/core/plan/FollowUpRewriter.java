package io.docchat.core.plan;

import io.docchat.core.plan.Words.Token;
import io.docchat.core.text.analysis.CjkScript;
import io.docchat.core.text.analysis.QuestionWords;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Detects a follow-up question and rewrites it against the previous question and its subject. */
final class FollowUpRewriter {

    private static final Pattern LEADING_CONNECTOR = Pattern.compile(
            "^\\s*(?:(?:and|so|also|then|but|ok|okay|well|hmm)\\b[\\s,]*)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ELLIPTIC = Pattern.compile(
            "^\\s*(?:what|how)\\s+about\\s+|^\\s*what\\s+of\\s+|^\\s*(?:the\\s+)?same\\s+(?:for|with)\\s+|^\\s*for\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> QUESTION_WORDS = QuestionWords.ENGLISH_WH;
    private static final Set<String> POSSESSIVE_PRONOUNS = Set.of("its", "their", "his");
    private static final Set<String> OBJECT_PRONOUNS = Set.of("it", "they", "them", "he", "she", "him");
    private static final Set<String> DEMONSTRATIVES = Set.of("this", "that", "these", "those");
    /** Words after which "that" points back rather than starting a clause. */
    private static final Set<String> BEFORE_POINTING_THAT = Set.of(
            "does", "did", "do", "is", "was", "are", "were", "about", "of", "for", "in", "with", "on", "from", "at",
            "to", "by", "buy", "use", "get", "cost", "make");

    /** Chinese pronouns, longest first; each with the words it is part of but does not act as a pronoun in. */
    private static final List<String> ZH_PRONOUNS = List.of(
            "它们", "他们", "她们", "这些", "那些", "这个", "那个", "这款", "那款", "这本", "那本", "这部", "那部", "这位",
            "那位", "这家", "那家", "这种", "那种", "这项", "那项", "这台", "那台", "这件", "那件", "这座", "那座", "这所",
            "那所", "这篇", "那篇", "这首", "那首", "这条", "那条", "该", "其", "它", "他", "她", "此");
    private static final Pattern ZH_NOT_PRONOUN = Pattern.compile("其他|其它|其实|其余|尤其|极其|应该|因此|此外|如此|彼此|从此|此时|吉他");
    private static final Pattern ZH_TRAILING = Pattern.compile("[呢吗吧啊]?[？?。！!\\s]*$");
    private static final Pattern ZH_LEADING = Pattern.compile("^(那么|那|还有|另外|然后)");
    private static final Pattern ZH_QUESTION_WORD = QuestionWords.CHINESE_INTERROGATIVE;

    private FollowUpRewriter() {}

    static String rewrite(String question, String lastQuestion, String subject) {
        return Words.isChinese(question) || (Words.isChinese(lastQuestion) && Words.tokens(question).size() <= 2)
                ? rewriteChinese(question, lastQuestion, subject)
                : rewriteEnglish(question, lastQuestion, subject);
    }

    // ---- English

    static String rewriteEnglish(String question, String lastQuestion, String subject) {
        String q = question.strip();
        List<Token> tokens = Words.tokens(q);
        if (tokens.isEmpty() || containsWord(q.toLowerCase(Locale.ROOT), subject.toLowerCase(Locale.ROOT))) {
            return question;
        }
        Matcher connector = LEADING_CONNECTOR.matcher(q);
        boolean hadConnector = connector.find();
        String unconnected = hadConnector ? q.substring(connector.end()) : q;
        Matcher elliptic = ELLIPTIC.matcher(unconnected);
        boolean isElliptic = elliptic.find() && isShortFragment(unconnected.substring(elliptic.end()));
        String rest = (isElliptic ? unconnected.substring(elliptic.end()) : unconnected).replaceAll("[?？.!\\s]+$", "");
        List<Token> restTokens = Words.tokens(rest);
        String newEntity = entityOf(rest, restTokens);
        if (isElliptic && newEntity != null && lastQuestion.contains(subject)) {
            // "What is the ZX-9 pump's flow rate?" then "what about the ZX-7?": the same question of a new thing.
            return substituteEntity(lastQuestion, subject, newEntity);
        }
        String replaced = replacePronouns(unconnected, Words.tokens(unconnected), subject);
        if (replaced != null) {
            return replaced;
        }
        long contentWords = restTokens.stream().filter(t -> !Words.isFunctionWord(t)).count();
        boolean startsWithQuestionWord = Words.SENTENCE_STARTERS.contains(tokens.get(0).lower())
                && !hadConnector && !isElliptic;
        boolean shortFragment = !startsWithQuestionWord && restTokens.size() <= 4 && contentWords <= 2;
        if (contentWords == 0 || (!isElliptic && !shortFragment)) {
            // "so what is photosynthesis?" and "What is X?" stand alone.
            return question;
        }
        if (newEntity != null) {
            if (lastQuestion.contains(subject)) {
                // "and at 3000 metres?" / "and the ZX-7?": the earlier question, about the new thing.
                return hadConnector || isElliptic ? attach(lastQuestion, rest) : question;
            }
            return question;
        }
        List<Token> restWords = Words.tokens(rest);
        boolean nounPhrase = !restWords.isEmpty() && !Words.SENTENCE_STARTERS.contains(restWords.get(0).lower())
                || rest.matches("(?i)^(the|a|an)\\b.*");
        return nounPhrase ? "What is " + rest + " of " + nounPhrase(subject) + "?" : rest + " of " + nounPhrase(subject) + "?";
    }

    /**
     * The subject as a noun phrase: "the ZX-9 pump" (a phrase ending in a common noun takes an article), but
     * "Beyonce" and "ibuprofen" as they are.
     */
    static String nounPhrase(String subject) {
        List<Token> words = Words.tokens(subject);
        if (words.size() >= 2 && Character.isLowerCase(words.get(words.size() - 1).text().charAt(0))
                && !words.get(0).lower().equals("the")) {
            return "the " + subject;
        }
        return subject;
    }

    /** "the ZX-7" or "the warranty", not "what type of music was Doctor Who considered a pioneer". */
    private static boolean isShortFragment(String rest) {
        List<Token> words = Words.tokens(rest);
        return !words.isEmpty() && words.size() <= 6 && !QUESTION_WORDS.contains(words.get(0).lower());
    }

    /** The earlier question with a qualifier added: "What is the boiling point of water?" + "at 3000 metres". */
    private static String attach(String lastQuestion, String qualifier) {
        String base = lastQuestion.strip().replaceAll("[?？.!\\s]+$", "");
        return base + " " + qualifier + "?";
    }

    /** Replaces the first pronoun that points back; null when there is none. */
    private static String replacePronouns(String q, List<Token> tokens, String subject) {
        int contentBefore = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String w = t.lower();
            if (contentBefore >= 4) {
                // "Why did ABC sell its stations?": a pronoun after a named thing or a couple of content words
                // points inside its own question, not back to an earlier one.
                return null;
            }
            if (!Words.isFunctionWord(t)) {
                contentBefore += Words.isEntityLike(t, i == 0) ? 4 : 1;
                continue;
            }
            String replacement = null;
            int end = t.end();
            if (POSSESSIVE_PRONOUNS.contains(w) || (w.equals("her") && nextIsContentWord(tokens, i))) {
                replacement = nounPhrase(subject) + "'s";
            } else if (OBJECT_PRONOUNS.contains(w) || w.equals("her")) {
                replacement = nounPhrase(subject);
            } else if (w.equals("same") && i > 0 && tokens.get(i - 1).lower().equals("the")) {
                return q.substring(0, tokens.get(i - 1).start()) + nounPhrase(subject) + q.substring(t.end());
            } else if (DEMONSTRATIVES.contains(w)) {
                boolean pointing = !w.equals("that") || i == tokens.size() - 1
                        || (i > 0 && BEFORE_POINTING_THAT.contains(tokens.get(i - 1).lower()));
                if (!pointing) {
                    continue;
                }
                if (i + 1 < tokens.size() && !Words.isFunctionWord(tokens.get(i + 1))
                        && tokens.get(i + 1).start() - t.end() == 1
                        && subject.toLowerCase(Locale.ROOT).contains(tokens.get(i + 1).base().toLowerCase(Locale.ROOT))) {
                    // "this pump" after "the ZX-9 pump": the whole noun phrase is the subject.
                    end = tokens.get(i + 1).start() + tokens.get(i + 1).base().length();
                    replacement = "the " + subject;
                } else if (i + 1 < tokens.size() && !Words.isFunctionWord(tokens.get(i + 1))
                        && tokens.get(i + 1).start() - t.end() == 1) {
                    // "this model" after "the ZX-9 pump": keep the noun, name what it is.
                    replacement = "the " + subject;
                } else {
                    replacement = nounPhrase(subject);
                }
            }
            if (replacement != null) {
                return q.substring(0, t.start()) + replacement + q.substring(end);
            }
        }
        return null;
    }

    private static boolean nextIsContentWord(List<Token> tokens, int i) {
        return i + 1 < tokens.size() && !Words.isFunctionWord(tokens.get(i + 1));
    }

    private static String entityOf(String s, List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (Words.isEntityLike(tokens.get(i), false) || Words.isNumber(tokens.get(i))) {
                int j = i;
                while (j + 1 < tokens.size() && (Words.isEntityLike(tokens.get(j + 1), false)
                        || Words.isNumber(tokens.get(j + 1)))) {
                    j++;
                }
                return s.substring(tokens.get(i).start(), tokens.get(j).end());
            }
        }
        return null;
    }

    /**
     * Puts the new entity in the old one's place. When the subject is "ZX-9 pump" and the new entity "ZX-7", only the
     * entity words of the subject are replaced, so the noun stays ("ZX-7 pump").
     */
    private static String substituteEntity(String lastQuestion, String subject, String newEntity) {
        List<Token> subjectTokens = Words.tokens(subject);
        int entityEnd = -1;
        for (int i = 0; i < subjectTokens.size(); i++) {
            if (Words.isEntityLike(subjectTokens.get(i), false) || Words.isNumber(subjectTokens.get(i))) {
                entityEnd = subjectTokens.get(i).end();
            } else if (entityEnd >= 0) {
                break;
            }
        }
        String replacement = entityEnd > 0 ? newEntity + subject.substring(entityEnd) : newEntity;
        return lastQuestion.replace(subject, replacement);
    }

    private static boolean containsWord(String text, String word) {
        if (word.isEmpty()) {
            return false;
        }
        int at = text.indexOf(word);
        while (at >= 0) {
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + word.length();
            boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            at = text.indexOf(word, at + 1);
        }
        return false;
    }

    // ---- Chinese

    static String rewriteChinese(String question, String lastQuestion, String subject) {
        String q = question.strip();
        if (q.contains(subject)) {
            return question;
        }
        String masked = ZH_NOT_PRONOUN.matcher(q).replaceAll(m -> "\u0000".repeat(m.group().length()));
        for (String pronoun : ZH_PRONOUNS) {
            int at = masked.indexOf(pronoun);
            if (at >= 0 && ownsAntecedent(q.substring(0, at))) {
                // "张无忌问她的姓名时…": the pronoun refers to something named before it in the same question.
                return question;
            }
            if (at >= 0) {
                String rewritten = q.substring(0, at) + subject + q.substring(at + pronoun.length());
                return ZH_LEADING.matcher(trimTrailingParticle(rewritten)).replaceFirst("");
            }
        }
        String core = ZH_LEADING.matcher(q).replaceFirst("");
        boolean endsWithNe = q.matches(".*呢[？?。！!\\s]*$");
        boolean startsWithNa = !core.equals(q);
        if (!endsWithNe && !startsWithNa) {
            return question;
        }
        String x = ZH_TRAILING.matcher(core).replaceAll("").strip();
        if (x.isEmpty()) {
            return question;
        }
        if (ZH_QUESTION_WORD.matcher(x).find() && !endsWithNe) {
            // "那它多少钱" is handled above; "那么谁是作者" asks something new about the subject.
            return subject + "的" + x + "？";
        }
        if (isNewEntity(x) && lastQuestion.contains(subject)) {
            return lastQuestion.replace(subject, x);
        }
        return subject + "的" + x + "？";
    }

    /** True when the text before a Chinese pronoun names something of its own: a quoted title, a Latin or numeric name, or more than a few characters. */
    private static boolean ownsAntecedent(String before) {
        String b = ZH_LEADING.matcher(before.strip()).replaceFirst("").replace("请问", "");
        int han = 0;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c == '《' || c == '“' || c == '"' || c == '「' || (c < 0x80 && Character.isLetterOrDigit(c))) {
                return true;
            }
            if (CjkScript.isHan(c)) {
                han++;
            }
        }
        return han > 3;
    }

    private static String trimTrailingParticle(String s) {
        return s.replaceAll("呢([？?。！!\\s]*)$", "$1");
    }

    /** Attribute nouns ("价格呢？" asks for an attribute); anything else after 那 or before 呢 is a new subject. */
    private static final Pattern ZH_ATTRIBUTE = Pattern.compile(
            ".*(价格|价钱|售价|费用|成本|重量|尺寸|大小|长度|高度|宽度|面积|人口|时间|日期|年份|地址|位置|电话|型号|功率|流量|"
                    + "速度|温度|压力|电压|容量|寿命|保修|质保|颜色|材料|材质|用途|作用|功能|特点|优点|缺点|区别|原因|作者|"
                    + "版本|规格|参数|数量|历史|首都|语言|货币|意思|定义|来源|结果|影响|风险|要求|条件|步骤|方法)$");

    private static boolean isNewEntity(String x) {
        if (ZH_ATTRIBUTE.matcher(x).matches()) {
            return false;
        }
        return true;
    }
}
