package io.hashop.launcher;

/**
 * The command line: only {@code --smoke} for now.
 */
final class Arguments {

	static final String USAGE = "Usage: java -jar launcher/target/launcher-exec.jar [--smoke]";

	private Arguments() {
	}

	/** Whether to check health and stop instead of running until Ctrl-C. */
	static boolean smoke(String[] args) {
		boolean smoke = false;
		for (String arg : args) {
			if (!arg.equals("--smoke")) {
				throw new LauncherException("Unknown argument '" + arg + "'. " + USAGE);
			}
			smoke = true;
		}
		return smoke;
	}

}
