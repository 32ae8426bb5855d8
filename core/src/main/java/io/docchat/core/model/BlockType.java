package io.docchat.core.model;

/** The role of a block of text on a page. */
public enum BlockType {
    HEADING,
    PARAGRAPH,
    LIST_ITEM,
    /** One row of a table, cells already separated in the line text. */
    TABLE_ROW,
    CODE,
    OTHER
}
