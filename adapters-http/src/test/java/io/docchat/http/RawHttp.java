package io.docchat.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Bytes over a plain socket, for requests no HTTP client would send, and what came back. */
final class RawHttp {
    private RawHttp() {}

    /**
     * What the server did with one raw request.
     *
     * @param status 0 when the connection closed without a response
     */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean reset) {
        boolean closedSilently() {
            return status == 0;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return ApiClient.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends the bytes, half-closes nothing, and reads one response (or the close). */
    static Answer exchange(URI base, byte[] request, int readTimeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(readTimeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException e) {
                // The server may answer and close before it has read everything: read what it said.
            }
            return read(socket.getInputStream());
        }
    }

    /** Reads one response: status line, headers, and a body framed by Content-Length (or up to the close). */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int b;
            int matched = 0;
            while (matched < 4 && (b = in.read()) != -1) {
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            if (matched < 4) {
                return new Answer(0, Map.of(), head.toByteArray(), false);
            }
        } catch (SocketException e) {
            return new Answer(0, Map.of(), head.toByteArray(), true);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        try {
            if (length != null) {
                body.write(in.readNBytes(Integer.parseInt(length)));
            } else if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                in.transferTo(body);
            }
        } catch (SocketTimeoutException | SocketException e) {
            // What arrived is what is judged.
        }
        return new Answer(status, headers, body.toByteArray(), false);
    }
}
