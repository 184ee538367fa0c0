package workbook.testkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the names a compiled class refers to, so that a test can check what a student's code
 * calls without running it.
 *
 * <p>Every class, method and field a class file uses is named in its constant pool (JVMS §4.4),
 * including those used by its lambdas, which the compiler places in the same class file, and by
 * its nested and anonymous classes, which this class reads too.
 */
public final class ConstantPool {

    private ConstantPool() {
    }

    /**
     * Returns every text constant of {@code type}'s class file and of the class files of its
     * nest members: class names in internal form ({@code java/util/TreeSet}), member names,
     * descriptors and string literals.
     *
     * @throws UncheckedIOException if a class file cannot be read
     */
    public static Set<String> strings(Class<?> type) {
        var strings = new TreeSet<String>();
        for (var member : type.getNestHost().getNestMembers()) {
            var file = "/" + member.getName().replace('.', '/') + ".class";
            try (var in = member.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IOException("no class file " + file);
                }
                read(in, strings);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the class file of " + member.getName(), e);
            }
        }
        return strings;
    }

    private static void read(InputStream stream, Set<String> strings) throws IOException {
        var in = new DataInputStream(stream);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> strings.add(in.readUTF()); // Utf8, in the JVM's modified UTF-8, as readUTF expects
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // Class, String, MethodType, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                case 5, 6 -> {  // Long and Double take two entries
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
    }
}
