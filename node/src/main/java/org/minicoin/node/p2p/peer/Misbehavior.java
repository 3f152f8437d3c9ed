package org.minicoin.node.p2p.peer;

import java.util.Objects;

/**
 * One call of Core's Misbehaving: what the peer did wrong and what we do about it.
 *
 * @param reason  Core's log text, e.g. {@code "headers message size = 2001"} or {@code "mutated block"}
 * @param penalty the decision for this peer: {@link Penalty#DISCOURAGE} normally, {@link Penalty#DISCONNECT}
 *                for a local address, {@link Penalty#NONE} for a manual connection
 */
public record Misbehavior(String reason, Penalty penalty) {
    /** Checks both fields are present. */
    public Misbehavior {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(penalty, "penalty");
    }
}
