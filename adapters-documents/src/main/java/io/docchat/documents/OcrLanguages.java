package io.docchat.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which Tesseract languages to read a page with: the configured ones that are installed, or, in {@link OcrSettings#AUTO}
 * mode, the ones that fit the script Tesseract detects on the page.
 *
 * @param languages the languages to pass to Tesseract joined by '+', or null when none of the wanted ones is installed
 * @param missing   wanted languages without installed data
 */
record OcrLanguages(String languages, List<String> missing) {

    /** Used in {@code auto} mode when the script cannot be detected, and for Latin script. */
    static final String LATIN = "eng";

    OcrLanguages {
        missing = List.copyOf(missing);
    }

    /** The wanted languages ("eng+chi_sim") narrowed to the installed ones. */
    static OcrLanguages of(String wanted, Set<String> installed) {
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String language : wanted.split("\\+")) {
            if (installed.contains(language.toLowerCase(Locale.ROOT))) {
                present.add(language);
            } else {
                missing.add(language);
            }
        }
        return new OcrLanguages(present.isEmpty() ? null : String.join("+", present), missing);
    }

    /**
     * The languages for a script reported by Tesseract's script detection: Chinese for Han (Simplified, with English
     * for the Latin words that Chinese text often holds), English for Latin and anything else.
     */
    static String forScript(String script) {
        if (script != null && script.toLowerCase(Locale.ROOT).startsWith("han")) {
            return "chi_sim+eng";
        }
        return LATIN;
    }

    /** The Debian package holding a Tesseract language's data, e.g. tesseract-ocr-chi-sim for chi_sim. */
    static String debianPackage(String language) {
        return OcrSettings.DEBIAN_PACKAGE + "-" + language.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
