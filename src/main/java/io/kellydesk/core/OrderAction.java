package io.kellydesk.core;

/** Spec step 12: what the order on offer does to the position in a symbol. */
public enum OrderAction {
    /** Towards the target on the same side (or from flat). */
    ADD,
    /** Back down to the position cap. */
    REDUCE,
    /** From one side to the other: close |x|, open the target. */
    REVERSE,
    /** No order. */
    NONE
}
