package io.docchat.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.docchat.core.DocChat;
import io.docchat.core.api.ChatEvent;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.api.ChatStream;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ResultPage;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat, ChatStream and GetChatList. An answer in progress holds a worker thread, a place among
 * {@code maxConcurrentStreams} and one of its account's {@code maxAnswersPerAccount}, so that one account cannot take
 * every slot; a server that is closing cancels what is left of them after its grace period.
 */
final class ChatOperations {
    private static final Logger log = LoggerFactory.getLogger(ChatOperations.class);

    private final DocChat docChat;
    private final WireMapper wire;
    private final ObjectMapper json;
    private final boolean alwaysJson;
    private final Semaphore answerSlots;
    private final int maxConcurrentAnswers;
    private final AccountSlots accountSlots;
    private final Set<ChatStream> active = ConcurrentHashMap.newKeySet();

    ChatOperations(DocChat docChat, WireMapper wire, ObjectMapper json, boolean alwaysJson, int maxConcurrentAnswers,
                   int maxAnswersPerAccount) {
        this.docChat = docChat;
        this.wire = wire;
        this.json = json;
        this.alwaysJson = alwaysJson;
        this.answerSlots = new Semaphore(maxConcurrentAnswers);
        this.maxConcurrentAnswers = maxConcurrentAnswers;
        this.accountSlots = new AccountSlots(maxAnswersPerAccount);
    }

    Reply chat(ApiRequest request) {
        return answer(request, true);
    }

    Reply chatStream(ApiRequest request) {
        boolean asJson = alwaysJson || "json".equalsIgnoreCase(request.header("X-Stream-Format"));
        return answer(request, asJson);
    }

    Reply history(ApiRequest request) {
        String sessionId = request.json().requiredString("sessionId");
        ResultPage<ChatItem> page = docChat.chat().history(request.accountId(), sessionId, Paging.of(request.json()));
        ArrayNode items = wire.array();
        for (ChatItem item : page.items()) {
            items.add(wire.chatItem(item));
        }
        return new Reply.Data(wire.listing(page, "chatList", items));
    }

    /** Cancels every answer still in progress: each is stored {@code INTERRUPTED} with the answer so far. */
    void cancelAll() {
        for (ChatStream stream : active) {
            stream.cancel();
        }
    }

    int inProgress() {
        return active.size();
    }

    private Reply answer(ApiRequest request, boolean asJson) {
        ChatRequest chatRequest = new ChatRequest(
                request.json().requiredString("sessionId"),
                request.json().requiredString("question"),
                request.json().longSet("documentIds"));
        if (!accountSlots.tryAcquire(request.accountId())) {
            throw ApiException.throttled("this account already has " + accountSlots.limit()
                    + " answers in progress (maxAnswersPerAccount); retry when one ends",
                    ApiException.ANSWER_RETRY_AFTER_SECONDS);
        }
        if (!answerSlots.tryAcquire()) {
            accountSlots.release(request.accountId());
            throw ApiException.throttled("the server already has " + maxConcurrentAnswers
                    + " answers in progress (maxConcurrentStreams); retry shortly",
                    ApiException.ANSWER_RETRY_AFTER_SECONDS);
        }
        try {
            // Everything that can be refused is refused here, before any byte of the response.
            ChatStream stream = docChat.chat().stream(request.accountId(), chatRequest);
            active.add(stream);
            try {
                return asJson ? collect(stream) : streamEvents(request, stream);
            } finally {
                active.remove(stream);
                stream.close();
            }
        } finally {
            answerSlots.release();
            accountSlots.release(request.accountId());
        }
    }

    private Reply collect(ChatStream stream) {
        while (stream.hasNext()) {
            ChatEvent event = stream.next();
            if (event instanceof ChatEvent.Completed completed) {
                return new Reply.Data(wire.chatItem(completed.item()));
            } else if (event instanceof ChatEvent.Interrupted interrupted) {
                return new Reply.Data(wire.chatItem(interrupted.item()));
            } else if (event instanceof ChatEvent.Failed failed) {
                // A whole-document answer cannot carry a failure in-band: a 200 would read as success.
                throw ErrorMapping.toApi(failed.code(), null, failed.message());
            }
        }
        throw new IllegalStateException("the answer ended without a final event");
    }

    private Reply streamEvents(ApiRequest request, ChatStream stream) {
        EventStreamWriter writer = new EventStreamWriter(json, request.response(), request.requestId());
        String chatId = null;
        String sessionId = null;
        try {
            writer.open();
            while (stream.hasNext()) {
                // What was gathered goes out before any wait for the model or the store.
                if (!stream.nextIsReady()) {
                    writer.sendGathered();
                }
                ChatEvent event = stream.next();
                if (event instanceof ChatEvent.Started started) {
                    chatId = started.item().id();
                    sessionId = started.item().sessionId();
                    writer.gather(wire.startedEvent(started.item()));
                } else if (event instanceof ChatEvent.Delta delta) {
                    writer.gather(wire.deltaEvent(chatId, sessionId, delta.text()));
                } else if (event instanceof ChatEvent.Completed completed) {
                    writer.sendLast(wire.finalEvent(completed.item()));
                    break;
                } else if (event instanceof ChatEvent.Interrupted interrupted) {
                    writer.sendLast(wire.finalEvent(interrupted.item()));
                    break;
                } else if (event instanceof ChatEvent.Failed failed) {
                    writer.sendLast(wire.finalEvent(failed.item()));
                    break;
                }
            }
            writer.sendGathered();
        } catch (ResponseChannel.StalledClientException e) {
            log.warn("request {}: {}; cancelling the answer", request.requestId(), e.getMessage());
            stream.cancel();
            drain(stream);
        } catch (IOException e) {
            log.debug("request {}: the client went away mid-answer; storing it interrupted", request.requestId());
            stream.cancel();
            drain(stream);
        }
        return new Reply.Written();
    }

    /** Pulls the cancelled stream to its final event, by which time the interrupted item is stored. */
    private static void drain(ChatStream stream) {
        while (stream.hasNext()) {
            ChatEvent event = stream.next();
            if (!(event instanceof ChatEvent.Started) && !(event instanceof ChatEvent.Delta)) {
                return;
            }
        }
    }
}
