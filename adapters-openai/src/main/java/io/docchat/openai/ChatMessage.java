package io.docchat.openai;

/** One message of a chat-completions request. */
record ChatMessage(String role, String content) {
    static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }
}
