package io.hashop.bench.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Linux tells about a process in {@code /proc/<pid>}: its resident memory, the
 * command line and environment it was started with, and the files it maps.
 */
final class ProcFiles {

	private static final double KIB_PER_MIB = 1024.0;

	/** {@code sysconf(_SC_CLK_TCK)}: 100 on every Linux for x86 and ARM. */
	private static final int CLOCK_TICKS = 100;

	private ProcFiles() {
	}

	/** The resident set ({@code VmRSS}) of a process, in MiB. */
	static double rssMiB(long pid) throws IOException {
		return vmRssMiB(Files.readString(proc(pid, "status"), StandardCharsets.UTF_8));
	}

	/**
	 * The processor time (user + system, all threads) a process has used, in seconds: on
	 * a shared machine, steadier than wall time, since waiting for a core costs none.
	 */
	static double cpuSeconds(long pid) throws IOException {
		return cpuTicks(Files.readString(proc(pid, "stat"), StandardCharsets.UTF_8)) / (double) CLOCK_TICKS;
	}

	/** The command line a process was started with: the program, then its arguments. */
	static List<String> commandLine(long pid) throws IOException {
		return nulSeparated(Files.readAllBytes(proc(pid, "cmdline")));
	}

	/** The environment a process was started with. */
	static Map<String, String> environment(long pid) throws IOException {
		return environment(Files.readAllBytes(proc(pid, "environ")));
	}

	static Path workingDirectory(long pid) throws IOException {
		return proc(pid, "cwd").toRealPath();
	}

	/**
	 * Whether a process maps {@code file} into its memory (a CDS archive, an AOT cache).
	 */
	static boolean maps(long pid, Path file) throws IOException {
		return mapsFile(Files.readString(proc(pid, "maps"), StandardCharsets.UTF_8), file);
	}

	/** {@code VmRSS:   123456 kB} in the text of {@code /proc/<pid>/status}, in MiB. */
	static double vmRssMiB(String status) {
		for (String line : status.split("\n")) {
			if (line.startsWith("VmRSS:")) {
				String[] words = line.substring("VmRSS:".length()).trim().split("\\s+");
				if (words.length != 2 || !words[1].equals("kB")) {
					throw new IllegalArgumentException("Unexpected line in /proc/<pid>/status: " + line);
				}
				return Long.parseLong(words[0]) / KIB_PER_MIB;
			}
		}
		throw new IllegalArgumentException("No VmRSS line in /proc/<pid>/status (a zombie or a kernel thread?)");
	}

	/**
	 * utime + stime (fields 14 and 15) of {@code /proc/<pid>/stat}, in clock ticks. The
	 * command name (field 2) is in parentheses and may hold spaces and parentheses: the
	 * fields are counted from the last ')'.
	 */
	static long cpuTicks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		// fields[0] is field 3 (state), so field n is fields[n - 3].
		return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
	}

	/** {@code KEY=value} entries separated by NUL bytes; a value may hold '='. */
	static Map<String, String> environment(byte[] environ) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (String entry : nulSeparated(environ)) {
			int equals = entry.indexOf('=');
			if (equals > 0) {
				environment.put(entry.substring(0, equals), entry.substring(equals + 1));
			}
		}
		return environment;
	}

	static List<String> nulSeparated(byte[] bytes) {
		List<String> values = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == 0) {
				values.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
				start = i + 1;
			}
		}
		if (start < bytes.length) {
			values.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
		}
		return values;
	}

	/** Whether a line of {@code /proc/<pid>/maps} ends with the file's absolute path. */
	static boolean mapsFile(String maps, Path file) {
		String path = file.toAbsolutePath().normalize().toString();
		return maps.lines().anyMatch((line) -> line.endsWith(" " + path));
	}

	private static Path proc(long pid, String name) {
		return Path.of("/proc", Long.toString(pid), name);
	}

}
