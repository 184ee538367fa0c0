package workbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a student's compiled class uses: the APIs outside the workbook's allow-list, sorting, calls
 * of given methods. Read from the class files (the student's class with its nested, anonymous
 * and lambda code) with ArchUnit, without running them; names of local variables do not count.
 *
 * <p>The allow-list is what a workbook task may use: {@code java.lang}'s basics, printing to
 * {@code System.out} and {@code System.err}, {@code System.nanoTime} and
 * {@code currentTimeMillis}, {@code java.util}, {@code java.util.concurrent} and its
 * sub-packages, {@code java.util.function}, {@code java.util.stream}, {@code java.util.random},
 * {@code java.time}, and the classes of its own and the earlier tasks. Outside it: files,
 * processes, the network, reflection, class loaders, {@code System.exit} and {@code Runtime},
 * system properties and the environment, stack walking, {@code java.lang.invoke}: nothing a
 * task needs, and what code could use to reach beyond its own grade.
 */
public final class StudentCode {

    /**
     * One use of an API outside the allow-list.
     *
     * @param file the source file, e.g. {@code ConcurrentCoroutines.java}
     * @param line its line, or 0 when the class file does not say
     * @param api  what it uses, e.g. {@code java.nio.file.Files} or {@code System.exit}
     */
    public record Violation(String file, int line, String api) {

        /** Returns the sentence a student or an instructor reads. */
        @Override
        public String toString() {
            return "%s:%d uses %s, which a workbook task may not use".formatted(file, line, api);
        }
    }

    private static final Set<String> PACKAGES = Set.of("java.util", "java.util.function", "java.util.stream",
            "java.util.random", "java.time", "java.time.format", "java.time.temporal", "java.time.chrono",
            "java.time.zone");
    private static final Set<String> DENIED_LANG = Set.of("Runtime", "Process", "ProcessBuilder", "ProcessHandle",
            "ClassLoader", "StackWalker", "StackTraceElement", "SecurityManager", "Module", "ModuleLayer", "Package",
            "ThreadGroup", "InheritableThreadLocal", "ClassValue", "Compiler");
    /** Members of some allowed classes that are not allowed, or (System, Class) the only ones allowed. */
    private static final Set<String> SYSTEM_MEMBERS = Set.of("out", "err", "nanoTime", "currentTimeMillis",
            "arraycopy", "identityHashCode", "lineSeparator");
    private static final Set<String> CLASS_MEMBERS = Set.of("getName", "getSimpleName", "getTypeName", "toString",
            "cast", "isInstance", "equals", "hashCode", "desiredAssertionStatus");
    private static final Set<String> THREAD_DENIED = Set.of("getAllStackTraces", "getStackTrace", "dumpStack",
            "setDefaultUncaughtExceptionHandler", "getContextClassLoader", "setContextClassLoader", "getThreadGroup");
    private static final Set<String> THROWABLE_DENIED = Set.of("getStackTrace", "setStackTrace");
    private static final Set<String> PRINT_METHODS = Set.of("print", "println", "printf", "format", "flush", "append");
    private static final Set<String> SORTING_METHODS = Set.of("sort", "sorted", "parallelSort");
    private static final Set<String> SORTING_TYPES = Set.of("java.util.Comparator", "java.util.TreeSet",
            "java.util.TreeMap", "java.util.SortedSet", "java.util.SortedMap", "java.util.NavigableSet",
            "java.util.NavigableMap", "java.util.PriorityQueue", "java.util.concurrent.PriorityBlockingQueue",
            "java.util.concurrent.ConcurrentSkipListSet", "java.util.concurrent.ConcurrentSkipListMap");
    private static final Pattern TASK_PACKAGE = Pattern.compile("workbook\\.task(\\d+)");

    private final String name;
    private final int task;
    private final List<JavaClass> classes;

    private StudentCode(String name, JavaClasses imported) {
        this.name = name;
        var m = TASK_PACKAGE.matcher(name.substring(0, name.lastIndexOf('.')));
        this.task = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        this.classes = imported.stream()
                .filter(c -> c.getName().equals(name) || c.getName().startsWith(name + "$"))
                .sorted(Comparator.comparing(JavaClass::getName))
                .toList();
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("no class file of " + name);
        }
    }

    /** Reads the class files of {@code type} from its class path. */
    public static StudentCode of(Class<?> type) {
        return new StudentCode(type.getName(), new ClassFileImporter().importPackagesOf(type));
    }

    /** Reads the class files of the class named {@code name} from the folder of compiled classes {@code classes}. */
    public static StudentCode of(String name, Path classes) {
        return new StudentCode(name, new ClassFileImporter().importPath(classes));
    }

    /** Returns every use of an API outside the allow-list, in the order of the source. */
    public List<Violation> violations() {
        var found = new LinkedHashSet<Violation>();
        for (var type : classes) {
            var file = type.getSource().flatMap(s -> s.getFileName()).orElse(simpleName() + ".java");
            for (var dependency : type.getDirectDependenciesFromSelf()) {
                var target = dependency.getTargetClass();
                target = target.isArray() ? target.getBaseComponentType() : target;
                if (!target.isPrimitive() && !allowedType(target)) {
                    found.add(new Violation(file, dependency.getSourceCodeLocation().getLineNumber(), target.getName()));
                }
            }
            for (var access : type.getAccessesFromSelf()) {
                var owner = access.getTargetOwner();
                var member = access.getName();
                if (!allowedMember(owner, member)) {
                    found.add(new Violation(file, access.getLineNumber(), owner.getSimpleName() + "." + member));
                }
            }
        }
        return found.stream().sorted(Comparator.comparingInt(Violation::line).thenComparing(Violation::api)).toList();
    }

    /**
     * Asserts that the class uses only the APIs a workbook task may use; the failure names the
     * first use outside them.
     */
    public void assertOnlyAllowedApis() {
        var violations = violations();
        assertThat(violations)
                .withFailMessage("%s%s: a task needs only java.lang's basics, printing, java.util, java.util.concurrent,"
                        + " java.util.function, java.util.stream, java.time and the earlier tasks' classes",
                        violations.isEmpty() ? "" : violations.getFirst(),
                        violations.size() > 1 ? " (and %d more uses)".formatted(violations.size() - 1) : "")
                .isEmpty();
    }

    /** Returns how the class sorts, one entry per use in the order of the source, e.g. {@code "List.sort (line 42)"}; empty when it does not. */
    public List<String> sorting() {
        record Use(int line, String what) {
        }
        var found = new LinkedHashSet<Use>();
        for (var type : classes) {
            for (var call : type.getMethodCallsFromSelf()) {
                if (SORTING_METHODS.contains(call.getName())) {
                    found.add(new Use(call.getLineNumber(), call.getTargetOwner().getSimpleName() + "." + call.getName()));
                }
            }
            for (var dependency : type.getDirectDependenciesFromSelf()) {
                if (SORTING_TYPES.contains(dependency.getTargetClass().getName())) {
                    found.add(new Use(dependency.getSourceCodeLocation().getLineNumber(),
                            dependency.getTargetClass().getSimpleName()));
                }
            }
        }
        return found.stream().sorted(Comparator.comparingInt(Use::line).thenComparing(Use::what))
                .map(use -> "%s (line %d)".formatted(use.what(), use.line())).toList();
    }

    /** Returns whether the class calls the method {@code method} of {@code owner}, from any of its code. */
    public boolean calls(Class<?> owner, String method) {
        return classes.stream().flatMap(type -> type.getMethodCallsFromSelf().stream())
                .anyMatch(call -> call.getTargetOwner().isEquivalentTo(owner) && call.getName().equals(method));
    }

    /** Returns the class's simple name, e.g. {@code ConcurrentCoroutines}. */
    public String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private boolean allowedType(JavaClass type) {
        var pkg = type.getPackageName();
        var simple = type.getName().substring(pkg.isEmpty() ? 0 : pkg.length() + 1);
        var top = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
        if (pkg.equals("java.lang")) {
            return !DENIED_LANG.contains(top) && !(top.equals("System") && !simple.equals("System"));
        }
        if (pkg.startsWith("java.util.concurrent")) {
            return true;
        }
        if (PACKAGES.contains(pkg)) {
            return !simple.equals("ServiceLoader");
        }
        if (type.getName().equals("java.io.PrintStream")) {
            return true;
        }
        var m = TASK_PACKAGE.matcher(pkg);
        return m.matches() && Integer.parseInt(m.group(1)) <= task;
    }

    /**
     * Returns whether {@code member} of {@code owner} is allowed. A member reached through a class
     * of the student's that extends a JDK class is that JDK class's member.
     */
    private static boolean allowedMember(JavaClass owner, String member) {
        var jdk = jdkClassOf(owner);
        return switch (jdk) {
            case "java.lang.System" -> SYSTEM_MEMBERS.contains(member);
            case "java.lang.Class" -> CLASS_MEMBERS.contains(member);
            case "java.lang.Thread" -> !THREAD_DENIED.contains(member);
            case "java.io.PrintStream" -> PRINT_METHODS.contains(member);
            default -> !(THROWABLE_DENIED.contains(member) && isThrowable(jdk));
        };
    }

    /**
     * Returns the name of {@code type} if it is the JDK's, else of the nearest JDK class it extends.
     * The JDK's classes are not imported (archunit.properties: reading them costs most of a check),
     * so their hierarchy is the running JDK's.
     */
    private static String jdkClassOf(JavaClass type) {
        var current = type;
        while (!current.getName().startsWith("java.") && current.getRawSuperclass().isPresent()) {
            current = current.getRawSuperclass().get();
        }
        return current.getName();
    }

    private static boolean isThrowable(String jdkClass) {
        try {
            return Throwable.class.isAssignableFrom(Class.forName(jdkClass, false, ClassLoader.getPlatformClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
