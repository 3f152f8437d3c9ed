package org.minicoin.devnet.topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The shapes a devnet can be wired in, and the links each gives for {@code n} nodes. */
public enum Topology {
    /** 0-1-2-...: a block from one end crosses every node. */
    LINE,
    /** A line closed into a circle (for 3 or more nodes). */
    RING,
    /** Every node linked to every other. */
    MESH;

    /** The topology named {@code name} (line, ring or mesh, any case). */
    public static Topology parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown topology '" + name + "': use line, ring or mesh");
        }
    }

    /** This shape's links among nodes 0..n-1. */
    public List<Link> links(int n) {
        Set<Link> out = new LinkedHashSet<>();
        switch (this) {
            case LINE, RING -> {
                for (int i = 1; i < n; i++) {
                    out.add(new Link(i, i - 1));
                }
                if (this == RING && n > 2) {
                    out.add(new Link(n - 1, 0));
                }
            }
            case MESH -> {
                for (int i = 1; i < n; i++) {
                    for (int j = 0; j < i; j++) {
                        out.add(new Link(i, j));
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The links of this shape that a partition leaves up (all of them when {@code partition} is null). */
    public List<Link> liveLinks(int n, Partition partition) {
        List<Link> all = links(n);
        if (partition == null) {
            return all;
        }
        return all.stream().filter(l -> !partition.separates(l)).toList();
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
