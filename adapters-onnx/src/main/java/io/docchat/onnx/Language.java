package io.docchat.onnx;

/** The languages an embedding model can be made for. */
public enum Language {
    ENGLISH,
    CHINESE
}
