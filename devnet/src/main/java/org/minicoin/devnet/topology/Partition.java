package org.minicoin.devnet.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nodes split into groups that cannot reach each other, written {@code 0,1|2} (groups separated by {@code |}, node
 * indexes by {@code ,}). Every node of the devnet must be in exactly one group.
 */
public record Partition(List<List<Integer>> groups) {
    public Partition {
        groups = groups.stream().map(List::copyOf).toList();
    }

    /**
     * Parses {@code 0,1|2} for a devnet of {@code n} nodes.
     *
     * @throws IllegalArgumentException naming the problem: a bad index, a node listed twice or left out, fewer
     *                                  than two groups
     */
    public static Partition parse(String text, int n) {
        String[] parts = text.split("\\|", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("a partition needs at least two groups separated by '|', e.g. 0,1|2");
        }
        List<List<Integer>> groups = new ArrayList<>();
        boolean[] seen = new boolean[n];
        for (String part : parts) {
            List<Integer> group = new ArrayList<>();
            for (String item : part.split(",", -1)) {
                String s = item.trim();
                if (s.isEmpty()) {
                    throw new IllegalArgumentException("empty group or node in partition '" + text + "'");
                }
                int i;
                try {
                    i = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + s + "' is not a node index");
                }
                if (i < 0 || i >= n) {
                    throw new IllegalArgumentException("no node " + i + ": this devnet has nodes 0.." + (n - 1));
                }
                if (seen[i]) {
                    throw new IllegalArgumentException("node " + i + " is in more than one group");
                }
                seen[i] = true;
                group.add(i);
            }
            groups.add(group);
        }
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                throw new IllegalArgumentException("node " + i + " is in no group; list every node, e.g. 0,1|2");
            }
        }
        return new Partition(groups);
    }

    /** Whether the two ends of {@code link} are in different groups. */
    public boolean separates(Link link) {
        Map<Integer, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int i : groups.get(g)) {
                groupOf.put(i, g);
            }
        }
        return !groupOf.get(link.from()).equals(groupOf.get(link.to()));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (List<Integer> g : groups) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(String.join(",", g.stream().map(String::valueOf).toList()));
        }
        return sb.toString();
    }
}
