package org.minicoin.consensus.script;

/**
 * The IF/ELSE/ENDIF nesting as Core's ConditionStack: only the depth and the position of the first false entry
 * matter, so nesting costs O(1) per opcode instead of a scan (a deep nest of IFs cannot slow validation).
 */
final class ConditionStack {
    private static final int NO_FALSE = -1;
    private int size;
    private int firstFalse = NO_FALSE;

    boolean isEmpty() {
        return size == 0;
    }

    boolean allTrue() {
        return firstFalse == NO_FALSE;
    }

    void push(boolean value) {
        if (firstFalse == NO_FALSE && !value) {
            firstFalse = size;
        }
        size++;
    }

    void pop() {
        size--;
        if (firstFalse == size) {
            firstFalse = NO_FALSE;
        }
    }

    void toggleTop() {
        if (firstFalse == NO_FALSE) {
            firstFalse = size - 1;
        } else if (firstFalse == size - 1) {
            firstFalse = NO_FALSE;
        }
        // A false below the top stays the first false: toggling the top is then unobservable.
    }
}
