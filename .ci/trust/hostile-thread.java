    static {
        // Starts a thread that never ends and is no daemon.
        Thread.ofPlatform().name("forever").start(() -> {
            while (true) {
                Thread.onSpinWait();
            }
        });
    }
