    private static final java.util.List<long[]> HOARD = new java.util.ArrayList<>();

    static {
        // Keeps everything it makes.
        while (HOARD.size() >= 0) {
            HOARD.add(new long[1 << 20]);
        }
    }
