package io.docchat.core.engine.chat;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.api.Chat;
import io.docchat.core.api.ChatEvent;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.api.ChatStream;
import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.engine.catalog.FolderTree;
import io.docchat.core.engine.catalog.Ids;
import io.docchat.core.engine.catalog.SessionService;
import io.docchat.core.engine.catalog.Validation;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.QaTurn;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.ChatStore;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.PromptPassage;
import io.docchat.core.port.QueryPlanner;
import io.docchat.core.port.SearchRequest;
import io.docchat.core.text.analysis.QuestionWords;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers questions in sessions: validate, make a follow-up standalone, retrieve within the session's folder subtree,
 * then stream the answer model's output (see {@link AnswerInProgress}).
 */
public final class ChatService implements Chat {
    private final KnowledgeStore store;
    private final ChatStore chats;
    private final SessionService sessions;
    private final PassageRetriever retriever;
    private final QueryPlanner planner;
    private final AnswerModel model;
    private final Clock clock;
    private final int maxQuestionChars;
    private final int historyTurns;
    private final int passagesPerAnswer;

    public ChatService(KnowledgeStore store, ChatStore chats, SessionService sessions, PassageRetriever retriever,
            QueryPlanner planner, AnswerModel model, Clock clock, int maxQuestionChars,
            int historyTurns, int passagesPerAnswer) {
        this.store = store;
        this.chats = chats;
        this.sessions = sessions;
        this.retriever = retriever;
        this.planner = planner;
        this.model = model;
        this.clock = clock;
        this.maxQuestionChars = maxQuestionChars;
        this.historyTurns = historyTurns;
        this.passagesPerAnswer = passagesPerAnswer;
    }

    @Override
    public ChatStream stream(String accountId, ChatRequest request) {
        String account = Validation.account(accountId);
        if (request == null) {
            throw DocChatException.missing("question");
        }
        String question = Validation.required("question", request.question());
        if (question.length() > maxQuestionChars) {
            throw DocChatException.invalid("question", "must be at most " + maxQuestionChars + " characters");
        }
        Session session = sessions.get(account, request.sessionId());
        FolderTree folders = new FolderTree(store.listFolders(account));
        Folder folder = folders.find(session.folderId());
        if (folder == null) {
            throw DocChatException.folderNotFound(session.folderId());
        }
        for (Long documentId : request.documentIds()) {
            Document document = store.findDocument(account, documentId)
                    .orElseThrow(() -> DocChatException.documentNotFound(documentId));
            if (!folders.isWithin(document.folderId(), folder.id())) {
                throw DocChatException.invalid("documentIds",
                        "must lie in the session's folder; document " + documentId + " does not");
            }
        }

        long planStart = System.nanoTime();
        List<QaTurn> history = history(session.id());
        String standalone = planner.standalone(question, history);
        if (standalone == null || standalone.isBlank()) {
            standalone = question;
        }
        long retrieveStart = System.nanoTime();
        List<RetrievedPassage> selected = select(retriever.retrieve(new SearchRequest(
                account, standalone, Set.of(folder.id()), request.documentIds(), passagesPerAnswer * 2)),
                !QuestionWords.isQuestion(standalone));
        long answerStart = System.nanoTime();

        AnswerStream answer = selected.isEmpty()
                ? new FixedAnswer(ChatItem.NO_RELATED_CONTENT)
                : open(new AnswerPrompt(question, standalone, history, promptPassages(selected),
                        selected.get(0).background()));
        ChatItem template = new ChatItem(Ids.newId(), session.id(), account, question, "", ChatStatus.ANSWERING,
                null, folder.id(), folder.name(), List.of(), clock.instant());
        return new AnswerInProgress(template, answer, new CitationBuilder(selected), chats,
                retrieveStart - planStart, answerStart - retrieveStart, answerStart);
    }

    @Override
    public ChatItem ask(String accountId, ChatRequest request) {
        try (ChatStream stream = stream(accountId, request)) {
            while (stream.hasNext()) {
                ChatEvent event = stream.next();
                if (event instanceof ChatEvent.Completed completed) {
                    return completed.item();
                } else if (event instanceof ChatEvent.Failed failed) {
                    return failed.item();
                } else if (event instanceof ChatEvent.Interrupted interrupted) {
                    return interrupted.item();
                }
            }
        }
        throw new DocChatException(ErrorCode.INTERNAL, "the answer ended without a final event");
    }

    @Override
    public ResultPage<ChatItem> history(String accountId, String sessionId, PageRequest page) {
        Session session = sessions.get(accountId, sessionId);
        return chats.listChatItems(session.id(), page == null ? PageRequest.first(PageRequest.DEFAULT_SIZE) : page);
    }

    private AnswerStream open(AnswerPrompt prompt) {
        try {
            return model.answer(prompt);
        } catch (DocChatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DocChatException(
                    ErrorCode.MODEL_UNAVAILABLE, "the answer model could not start: " + e.getMessage(), e);
        }
    }

    /** The session's last {@code historyTurns} completed Q&A pairs, oldest first. */
    private List<QaTurn> history(String sessionId) {
        if (historyTurns == 0) {
            return List.of();
        }
        // Interrupted and failed items are skipped, so look a little further back than needed.
        List<ChatItem> recent = chats.recentChatItems(sessionId, historyTurns * 2);
        List<QaTurn> turns = new ArrayList<>(historyTurns);
        for (ChatItem item : recent) {
            if (item.status() == ChatStatus.COMPLETED) {
                turns.add(new QaTurn(item.question(), item.answer()));
            }
        }
        return turns.size() > historyTurns
                ? List.copyOf(turns.subList(turns.size() - historyTurns, turns.size()))
                : turns;
    }

    /**
     * Best first, without repeats (the same passage, or the same text in copies of a document), up to the budget.
     * For a claim or keywords ({@code documentsFirst}), which the answer supports with every document that bears
     * on it, the best passage of each document comes before a second passage of any: a long abstract cut in two
     * would otherwise take two of the places, and a document ranked sixth none.
     */
    private List<RetrievedPassage> select(List<RetrievedPassage> hits, boolean documentsFirst) {
        List<RetrievedPassage> unique = new ArrayList<>(hits.size());
        Set<Long> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (RetrievedPassage hit : hits) {
            if (ids.add(hit.passage().id()) && texts.add(hit.passage().text().strip())) {
                unique.add(hit);
            }
        }
        if (!documentsFirst) {
            return List.copyOf(unique.subList(0, Math.min(unique.size(), passagesPerAnswer)));
        }
        Set<Long> documents = new HashSet<>();
        List<RetrievedPassage> firsts = new ArrayList<>(unique.size());
        List<RetrievedPassage> seconds = new ArrayList<>(unique.size());
        for (RetrievedPassage hit : unique) {
            (documents.add(hit.document().id()) ? firsts : seconds).add(hit);
        }
        Set<Long> chosen = new HashSet<>();
        for (RetrievedPassage hit : firsts.subList(0, Math.min(firsts.size(), passagesPerAnswer))) {
            chosen.add(hit.passage().id());
        }
        for (int i = 0; chosen.size() < passagesPerAnswer && i < seconds.size(); i++) {
            chosen.add(seconds.get(i).passage().id());
        }
        // In retrieval order, as the answer model reads the prompt.
        List<RetrievedPassage> selected = new ArrayList<>(chosen.size());
        for (RetrievedPassage hit : unique) {
            if (chosen.contains(hit.passage().id())) {
                selected.add(hit);
            }
        }
        return selected;
    }

    private static List<PromptPassage> promptPassages(List<RetrievedPassage> selected) {
        List<PromptPassage> passages = new ArrayList<>(selected.size());
        for (int i = 0; i < selected.size(); i++) {
            RetrievedPassage hit = selected.get(i);
            passages.add(new PromptPassage(i + 1, hit.passage(), hit.document().fileName(), hit.similarity()));
        }
        return passages;
    }
}
