package io.orderflow.localstack.deadletters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of the chosen dead letters a replay writes, in the order they were dead-lettered, and why it leaves out
 * the others.
 *
 * @param replay  written, in this order
 * @param skipped left out, and rightly so: a second copy of a chosen one, or (with {@code --all}) a replay that
 *                failed again while the dead letter it was replayed from is replayed in the same run
 * @param refused cannot be replayed at all ({@link DeadLetter#whyNotReplayable()}); with {@code --offsets} any
 *                of these stops the whole replay, with {@code --all} they are reported and left out
 */
record ReplayPlan(List<DeadLetter> replay, List<Skip> skipped, List<Skip> refused) {

    record Skip(DeadLetter letter, String why) {
    }

    ReplayPlan {
        replay = List.copyOf(replay);
        skipped = List.copyOf(skipped);
        refused = List.copyOf(refused);
    }

    /**
     * @param all {@code --all}: the chosen letters are the whole topic. Then a dead letter of a replayed record
     *            (one that failed again) is left out when its origin is replayed too, or one run would publish
     *            the same record twice. Named with {@code --offsets}, it is replayed like any other.
     */
    static ReplayPlan of(List<DeadLetter> chosen, boolean all) {
        DistinctDeadLetters distinct = DistinctDeadLetters.of(chosen);
        Set<String> chosenCoordinates = chosen.stream().map(DeadLetter::coordinates).collect(Collectors.toSet());
        List<DeadLetter> replay = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        List<Skip> refused = new ArrayList<>();
        for (DistinctDeadLetters.Copy copy : distinct.copies()) {
            skipped.add(new Skip(copy.copy(), "a second copy of " + copy.first().position() + " (same failure)"));
        }
        for (DeadLetter letter : distinct.distinct()) {
            Optional<String> notReplayable = letter.whyNotReplayable();
            String origin = letter.replayedFrom();
            if (notReplayable.isPresent()) {
                refused.add(new Skip(letter, notReplayable.get()));
            } else if (all && origin != null && chosenCoordinates.contains(origin)) {
                skipped.add(new Skip(letter, "a replay of " + origin + " that failed again, and " + origin
                        + " is in this run"));
            } else {
                replay.add(letter);
            }
        }
        return new ReplayPlan(replay, skipped, refused);
    }
}
