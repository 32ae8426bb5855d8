package io.docchat.onnx;

import io.docchat.core.files.ClassPathResource;
import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points ONNX Runtime at copies of its native libraries kept in the model cache, so that it does not copy 17 MB out
 * of its jar into a temporary file at every start (about a tenth of a second on an idle machine).
 *
 * <p>ONNX Runtime reads the system property {@value #LIBRARY_DIRECTORY} once, when it first loads its libraries,
 * and loads them once per process; so this is process-wide state, set at most once, before the first
 * {@link OrtEnvironment}, and never when the application has chosen the libraries itself. The copies are verified
 * against the jar's own entries at every start, so they are always the libraries of the ONNX Runtime classes in use.
 */
final class RuntimeLibraries {
    private static final Logger log = LoggerFactory.getLogger(RuntimeLibraries.class);

    static final String LIBRARY_DIRECTORY = "onnxruntime.native.path";
    private static final String[] LIBRARIES = {"onnxruntime", "onnxruntime4j_jni"};

    /** Whether this process has chosen ONNX Runtime's libraries (the property can be set only before they load). */
    private static boolean settled;

    private RuntimeLibraries() {}

    /** Makes ONNX Runtime load its libraries from the cache, if the cache can hold them and nothing else is chosen. */
    static synchronized void prepare(ModelCache cache) {
        if (settled || !cache.enabled()) {
            return;
        }
        settled = true;
        if (chosenElsewhere()) {
            return;
        }
        Path directory = keep(cache);
        if (directory != null) {
            System.setProperty(LIBRARY_DIRECTORY, directory.toString());
        }
    }

    /**
     * The cache's directory of ONNX Runtime's libraries for this platform, each verified against (or copied from)
     * ONNX Runtime's jar; null when the cache cannot hold them or the jar has none for this platform.
     */
    static Path keep(ModelCache cache) {
        try {
            String platform = platform();
            ClassPathResource[] libraries = new ClassPathResource[LIBRARIES.length];
            ClassLoader loader = OrtEnvironment.class.getClassLoader();
            for (int i = 0; i < LIBRARIES.length; i++) {
                String name = "ai/onnxruntime/native/" + platform + "/"
                        + System.mapLibraryName(LIBRARIES[i]).replace("jnilib", "dylib");
                libraries[i] = ClassPathResource.find(loader, name);
                if (libraries[i] == null) {
                    return null;
                }
            }
            return cache.files("onnxruntime-" + platform + "-" + libraries[0].fingerprint(), libraries);
        } catch (IOException | RuntimeException e) {
            log.debug("ONNX Runtime's native libraries stay in its jar", e);
            return null;
        }
    }

    private static boolean chosenElsewhere() {
        if (System.getProperty(LIBRARY_DIRECTORY) != null) {
            return true;
        }
        for (String library : LIBRARIES) {
            if (System.getProperty("onnxruntime.native." + library + ".path") != null
                    || System.getProperty("onnxruntime.native." + library + ".skip") != null) {
                return true;
            }
        }
        return false;
    }

    /** The platform directory ONNX Runtime's jar keeps its libraries in, named as ONNX Runtime names it. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") || os.contains("darwin") ? "osx"
                : os.contains("win") ? "win"
                : os.contains("nux") ? "linux"
                : null;
        String archName = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64"
                : arch.startsWith("aarch64") ? "aarch64"
                : null;
        if (osName == null || archName == null) {
            throw new IllegalStateException("no bundled ONNX Runtime libraries for " + os + " " + arch);
        }
        return osName + "-" + archName;
    }
}
