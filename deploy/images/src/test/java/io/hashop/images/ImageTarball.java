package io.hashop.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code docker save} style image tarball as Jib's {@code buildTar} writes it:
 * manifest.json, the config JSON and one tar (gzip or plain) per layer, read into memory
 * (the check needs names, modes and a few small files only).
 */
record ImageTarball(Map<String, Object> manifest, Map<String, Object> config, List<Layer> layers) {

	/** One layer: its entries by normalised path (no leading slash). */
	record Layer(String name, Map<String, Entry> entries) {

		boolean has(Predicate<String> path) {
			return this.entries.keySet().stream().anyMatch(path);
		}

	}

	/**
	 * A file of a layer: its mode, owner, size and, for small regular files and the app's
	 * own jar, its content.
	 */
	record Entry(int mode, long uid, long size, byte[] content) {

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@SuppressWarnings("unchecked")
	static ImageTarball read(Path tar) throws IOException {
		Map<String, byte[]> files = new HashMap<>();
		try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
			for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				if (e.isFile()) {
					files.put(normalise(e.getName()), in.readAllBytes());
				}
			}
		}
		List<Object> manifests = JSON.readValue(required(files, "manifest.json"), List.class);
		Map<String, Object> manifest = (Map<String, Object>) manifests.get(0);
		Map<String, Object> config = JSON.readValue(required(files, (String) manifest.get("Config")), Map.class);
		List<Layer> layers = new ArrayList<>();
		for (Object name : (List<Object>) manifest.get("Layers")) {
			layers.add(new Layer((String) name, entries(required(files, (String) name))));
		}
		return new ImageTarball(manifest, config, layers);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> containerConfig() {
		return (Map<String, Object>) this.config.get("config");
	}

	private static byte[] required(Map<String, byte[]> files, String name) {
		byte[] content = files.get(normalise(name));
		if (content == null) {
			throw new IllegalStateException(name + " is missing from the image tarball");
		}
		return content;
	}

	private static Map<String, Entry> entries(byte[] layer) throws IOException {
		InputStream raw = new ByteArrayInputStream(layer);
		if (layer.length > 2 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b) {
			raw = new GZIPInputStream(raw);
		}
		Map<String, Entry> entries = new HashMap<>();
		try (TarArchiveInputStream in = new TarArchiveInputStream(raw)) {
			for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				String path = normalise(e.getName());
				boolean small = e.getSize() < 64 * 1024 || (path.startsWith("app/classpath/") && e.getSize() < 4 << 20);
				byte[] content = (e.isFile() && small) ? in.readAllBytes() : null;
				entries.put(path, new Entry(e.getMode(), e.getLongUserId(), e.getSize(), content));
			}
		}
		return entries;
	}

	private static String normalise(String name) {
		String path = name.startsWith("./") ? name.substring(2) : name;
		path = path.startsWith("/") ? path.substring(1) : path;
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

}
