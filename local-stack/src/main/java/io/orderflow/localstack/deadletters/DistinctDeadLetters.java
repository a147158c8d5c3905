package io.orderflow.localstack.deadletters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dead letters oldest first, each failure once ({@link DeadLetter#sameFailure()}): the first copy is kept, the
 * later ones are listed as copies of it.
 */
record DistinctDeadLetters(List<DeadLetter> distinct, List<Copy> copies) {

    /** Oldest first; the partition and offset order letters written in the same millisecond. */
    static final Comparator<DeadLetter> WRITTEN_ORDER = Comparator.comparingLong(DeadLetter::timestamp)
            .thenComparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset);

    record Copy(DeadLetter copy, DeadLetter first) {
    }

    DistinctDeadLetters {
        distinct = List.copyOf(distinct);
        copies = List.copyOf(copies);
    }

    static DistinctDeadLetters of(Collection<DeadLetter> letters) {
        List<DeadLetter> sorted = letters.stream().sorted(WRITTEN_ORDER).toList();
        Map<DeadLetter.SameFailure, DeadLetter> firsts = new HashMap<>();
        List<DeadLetter> distinct = new ArrayList<>();
        List<Copy> copies = new ArrayList<>();
        for (DeadLetter letter : sorted) {
            DeadLetter first = firsts.putIfAbsent(letter.sameFailure(), letter);
            if (first == null) {
                distinct.add(letter);
            } else {
                copies.add(new Copy(letter, first));
            }
        }
        return new DistinctDeadLetters(distinct, copies);
    }
}
