package io.orderflow.localstack.deadletters;

/** Where a dead letter is on its dead-letter topic, written {@code partition@offset} as {@code list} prints it. */
record DeadLetterPosition(int partition, long offset) {

    /**
     * @throws IllegalArgumentException with a message meant for the user
     */
    static DeadLetterPosition parse(String text) {
        String[] parts = text.trim().split("@", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--offsets expects partition@offset, got: " + text);
        }
        try {
            int partition = Integer.parseInt(parts[0]);
            long offset = Long.parseLong(parts[1]);
            if (partition < 0 || offset < 0) {
                throw new IllegalArgumentException("--offsets: partition and offset must not be negative: " + text);
            }
            return new DeadLetterPosition(partition, offset);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--offsets expects partition@offset, got: " + text);
        }
    }

    @Override
    public String toString() {
        return partition + "@" + offset;
    }
}
