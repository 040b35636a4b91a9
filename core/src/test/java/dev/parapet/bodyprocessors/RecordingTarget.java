package dev.parapet.bodyprocessors;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Test double that records everything a body processor reports. */
final class RecordingTarget implements BodyTarget {

    record Xml(String text, List<String> attributes) {
    }

    final List<String> arguments = new ArrayList<>();
    final List<String> files = new ArrayList<>();
    final List<String> partHeaders = new ArrayList<>();
    final Set<MultipartFlag> flags = EnumSet.noneOf(MultipartFlag.class);
    final List<String> errors = new ArrayList<>();
    final List<Xml> xml = new ArrayList<>();
    String multipartName;
    long noFilesLimitExceeded = -1;

    @Override
    public void noFilesLimitExceeded(long limit) {
        noFilesLimitExceeded = limit;
    }
    String multipartFileName;

    @Override
    public void argument(String name, String value) {
        checkBytes(name);
        checkBytes(value);
        arguments.add(name + "=" + value);
    }

    @Override
    public void file(String fieldName, String fileName, long size) {
        checkBytes(fieldName);
        checkBytes(fileName);
        files.add(fieldName + "=" + fileName + ":" + size);
    }

    @Override
    public void multipartPartHeader(String partName, String headerLine) {
        checkBytes(partName);
        checkBytes(headerLine);
        partHeaders.add(partName + "|" + headerLine);
    }

    @Override
    public void multipartFlag(MultipartFlag flag) {
        flags.add(flag);
    }

    @Override
    public void multipartNames(String name, String fileName) {
        multipartName = name;
        multipartFileName = fileName;
    }

    @Override
    public void xml(String elementText, List<String> attributeValues) {
        checkBytes(elementText);
        attributeValues.forEach(RecordingTarget::checkBytes);
        xml.add(new Xml(elementText, attributeValues));
    }

    @Override
    public void error(String message) {
        errors.add(message);
    }

    String error() {
        return errors.isEmpty() ? null : String.join(" / ", errors);
    }

    private static void checkBytes(String s) {
        if (s == null) {
            throw new AssertionError("null value reported");
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                throw new AssertionError("char above 0xFF in " + s);
            }
        }
    }
}
