package io.docchat.http.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's memory budget under load (a program, not a test): against a running {@code docchat serve} (another
 * process, started with the heap under test), N clients ask ChatStreams without pause, each on its own session,
 * while large text files are uploaded one after the other over HTTP. For each upload it prints how long sending it
 * took and how long until its document was final (and with which status and reason); then how many streams were
 * answered, which failed and how, the first event's p50 and p99, and the server's memory: resident set sampled every
 * 100 ms and its peak ({@code VmHWM}), and, from the server's GC log when given, the largest heap before and after a
 * collection.
 *
 * <p>Arguments: {@code <baseUri> <serverPid> [uploadMegabytes=100,14] [clients=200] [gcLog]}.
 */
public final class MemoryBudget {
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private MemoryBudget() {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        long pid = Long.parseLong(args[1]);
        int[] megabytes = Arrays.stream((args.length > 2 ? args[2] : "100,14").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Path gcLog = args.length > 4 ? Path.of(args[4]) : null;
        BenchClient client = new BenchClient(base);
        System.out.printf("started %s: %d clients, uploads of %s MB, server pid %d%n", Instant.now(), clients,
                Arrays.toString(megabytes), pid);

        String folderId = client.addFolder("budget-" + System.currentTimeMillis());
        long manual = client.submit(folderId, "pump.txt", manual().getBytes(StandardCharsets.UTF_8));
        client.awaitFinal(manual, Duration.ofMinutes(2));
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(client.createSession(folderId, "budget " + i));
        }

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong rssMaxKb = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                rssMaxKb.accumulateAndGet(statusKb(pid, "VmRSS"), Math::max);
                sleep(100);
            }
        }, "rss-sampler");
        sampler.start();
        ConcurrentLinkedQueue<Long> firstEvents = new ConcurrentLinkedQueue<>();
        ConcurrentHashMap<String, AtomicLong> failures = new ConcurrentHashMap<>();
        AtomicLong answered = new AtomicLong();
        List<Thread> streams = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String sessionId = sessions.get(c);
            Thread streaming = new Thread(() -> {
                while (running.get()) {
                    String outcome = client.chatStream(sessionId, firstEvents::add);
                    if (outcome == null) {
                        answered.incrementAndGet();
                    } else {
                        failures.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                        sleep(100);
                    }
                }
            }, "stream-" + c);
            streams.add(streaming);
            streaming.start();
        }
        sleep(3_000);

        for (int mb : megabytes) {
            byte[] text = largeText(mb * 1_000_000, new Random(mb));
            long start = System.nanoTime();
            long id = client.submit(folderId, "large-" + mb + "mb.txt", text);
            double sentSeconds = (System.nanoTime() - start) / 1e9;
            text = null;
            JsonNode detail = client.awaitFinal(id, Duration.ofMinutes(30));
            double finalSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("upload %d MB: sent and accepted in %.1f s, %s after %.1f s, pages=%s%s%n", mb,
                    sentSeconds, detail.path("jobStatus").asText(), finalSeconds, detail.path("pages").asText(),
                    detail.hasNonNull("errorMessage") ? ", reason: " + detail.path("errorMessage").asText() : "");
        }
        sleep(2_000);
        running.set(false);
        for (Thread streaming : streams) {
            streaming.join();
        }
        sampler.join();

        long[] sorted = firstEvents.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("streams: %d answered to COMPLETED, failed %s%n", answered.get(), new TreeMap<>(failures));
        if (sorted.length > 0) {
            System.out.printf("first event p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(sorted, 0.50),
                    percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }
        System.out.printf("server resident set: sampled max %d MB, peak (VmHWM) %d MB%n", rssMaxKb.get() / 1024,
                statusKb(pid, "VmHWM") / 1024);
        if (gcLog != null && Files.exists(gcLog)) {
            long before = 0;
            long after = 0;
            long committed = 0;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_PAUSE.matcher(line);
                if (m.find()) {
                    before = Math.max(before, Long.parseLong(m.group(1)));
                    after = Math.max(after, Long.parseLong(m.group(2)));
                    committed = Math.max(committed, Long.parseLong(m.group(3)));
                }
            }
            System.out.printf("server heap (GC log): largest before a collection %d MB, largest after %d MB, "
                    + "committed at most %d MB%n", before, after, committed);
        }
        System.out.printf("ended %s%n", Instant.now());
    }

    private static String manual() {
        return "Prime the pump before first use by filling the housing with water. "
                + "Replace the mechanical seal every two thousand hours.\n";
    }

    /** Log-like English text in paragraphs, about {@code bytes} bytes of ASCII. */
    private static byte[] largeText(int bytes, Random random) {
        String[] words = {"pump", "valve", "pressure", "seal", "housing", "bearing", "motor", "flow", "inlet",
                "outlet", "filter", "gauge", "check", "reading", "service", "replaced", "normal", "high", "low"};
        StringBuilder text = new StringBuilder(bytes + 200);
        int line = 0;
        while (text.length() < bytes) {
            text.append("Entry ").append(line).append(':');
            int count = 6 + random.nextInt(12);
            for (int w = 0; w < count; w++) {
                text.append(' ').append(words[random.nextInt(words.length)]);
            }
            text.append(".\n");
            if (++line % 8 == 0) {
                text.append('\n');
            }
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
