package io.docchat.benchmarks;

import java.util.Random;

/**
 * Seeded synthetic English-like text: a fixed vocabulary of pronounceable words drawn with a Zipf-like skew, so term
 * statistics resemble natural text and every run indexes exactly the same passages.
 */
final class SyntheticText {
    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ren", "tor", "sa", "vel", "qui", "dan", "mor", "pe", "lix", "gra", "nu", "bel", "sto",
        "fi", "ar", "zen", "ho", "tri", "um", "cor", "ela"
    };

    private final String[] vocabulary;
    private final double[] cumulative;

    SyntheticText(int vocabularySize, long seed) {
        Random random = new Random(seed);
        vocabulary = new String[vocabularySize];
        for (int i = 0; i < vocabularySize; i++) {
            StringBuilder word = new StringBuilder();
            int syllables = 1 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            vocabulary[i] = word.append(i % 97).toString();
        }
        cumulative = new double[vocabularySize];
        double sum = 0;
        for (int i = 0; i < vocabularySize; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < vocabularySize; i++) {
            cumulative[i] /= sum;
        }
    }

    String word(Random random) {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return vocabulary[low];
    }

    /** A passage of a few sentences. */
    String passage(Random random, int words) {
        StringBuilder text = new StringBuilder(words * 8);
        for (int i = 0; i < words; i++) {
            String word = word(random);
            if (i == 0 || text.charAt(text.length() - 2) == '.') {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            text.append(word).append(i % 12 == 11 ? ". " : " ");
        }
        return text.toString().strip() + ".";
    }

    /** A query of rarer words, as people type distinctive terms. */
    String query(Random random, int words) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < words; i++) {
            query.append(vocabulary[50 + random.nextInt(vocabulary.length - 50)]).append(' ');
        }
        return query.toString().strip();
    }
}
