package io.orderflow.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A JSON Schema (draft 4) validator for the keywords Marathon's AppDefinition.json and Group.json use: type,
 * properties, additionalProperties, patternProperties, required, enum, minimum, maximum, minLength, pattern, items
 * (one schema or a tuple), minItems, additionalItems, $ref (local and to a sibling schema), oneOf, anyOf, allOf, not.
 * Annotations (description, default, format...) are ignored.
 *
 * <p>Written here rather than taken from a library because the available validators are built on Jackson 2 and
 * the subset is small; SchemaValidatorTest proves each keyword rejects what it should.
 */
final class JsonSchemaSubset {

    private final Map<String, JsonNode> documents;

    /** @param documents schema documents by the file name a {@code $ref} uses ("AppDefinition.json") */
    JsonSchemaSubset(Map<String, JsonNode> documents) {
        this.documents = Map.copyOf(documents);
    }

    static JsonSchemaSubset marathon() {
        return new JsonSchemaSubset(Map.of(
                "AppDefinition.json", Repo.jsonResource("/marathon-schema/AppDefinition.json"),
                "Group.json", Repo.jsonResource("/marathon-schema/Group.json")));
    }

    /** Violations of {@code documentName}'s schema by {@code value}, as "path: problem"; empty when valid. */
    List<String> validate(String documentName, JsonNode value) {
        List<String> errors = new ArrayList<>();
        JsonNode document = document(documentName);
        check(document, document, value, "$", errors);
        return errors;
    }

    private JsonNode document(String name) {
        JsonNode document = documents.get(name);
        if (document == null) {
            throw new IllegalArgumentException("unknown schema document " + name);
        }
        return document;
    }

    private void check(JsonNode schema, JsonNode document, JsonNode value, String path, List<String> errors) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            int hash = ref.indexOf('#');
            String file = hash < 0 ? ref : ref.substring(0, hash);
            JsonNode target = file.isEmpty() ? document : document(file.replaceFirst("^\\./", ""));
            JsonNode targetDocument = target;
            if (hash >= 0) {
                for (String part : ref.substring(hash + 1).split("/")) {
                    if (!part.isEmpty()) {
                        target = target.path(part);
                    }
                }
            }
            if (target.isMissingNode()) {
                throw new IllegalStateException("unresolvable $ref " + ref);
            }
            check(target, targetDocument, value, path, errors);
        }
        if (schema.has("type") && !hasType(schema.get("type"), value)) {
            errors.add(path + ": expected " + schema.get("type") + " but was " + describe(value));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        checkNumber(schema, value, path, errors);
        checkString(schema, value, path, errors);
        if (value.isObject()) {
            checkObject(schema, document, value, path, errors);
        }
        if (value.isArray()) {
            checkArray(schema, document, value, path, errors);
        }
        checkCombinators(schema, document, value, path, errors);
    }

    private void checkNumber(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (!value.isNumber()) {
            return;
        }
        if (schema.has("minimum") && value.doubleValue() < schema.get("minimum").doubleValue()) {
            errors.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.doubleValue() > schema.get("maximum").doubleValue()) {
            errors.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
        }
    }

    private void checkString(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (!value.isString()) {
            return;
        }
        String text = value.stringValue();
        if (schema.has("minLength") && text.length() < schema.get("minLength").intValue()) {
            errors.add(path + ": \"" + text + "\" is shorter than " + schema.get("minLength"));
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(text).find()) {
            errors.add(path + ": \"" + text + "\" does not match " + schema.get("pattern").asString());
        }
    }

    private void checkObject(JsonNode schema, JsonNode document, JsonNode value, String path, List<String> errors) {
        if (schema.has("required")) {
            for (JsonNode required : schema.get("required").values()) {
                if (!value.has(required.asString())) {
                    errors.add(path + ": missing required field \"" + required.asString() + "\"");
                }
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode patternProperties = schema.path("patternProperties");
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String name = field.getKey();
            String fieldPath = path + "." + name;
            boolean known = false;
            if (properties.has(name)) {
                known = true;
                check(properties.get(name), document, field.getValue(), fieldPath, errors);
            }
            for (Map.Entry<String, JsonNode> pattern : patternProperties.properties()) {
                if (Pattern.compile(pattern.getKey()).matcher(name).find()) {
                    known = true;
                    check(pattern.getValue(), document, field.getValue(), fieldPath, errors);
                }
            }
            if (!known && additional != null) {
                if (additional.isBoolean() && !additional.booleanValue()) {
                    errors.add(fieldPath + ": unknown field \"" + name + "\" (allowed: " + properties.propertyNames() + ")");
                } else if (additional.isObject()) {
                    check(additional, document, field.getValue(), fieldPath, errors);
                }
            }
        }
    }

    private void checkArray(JsonNode schema, JsonNode document, JsonNode value, String path, List<String> errors) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").intValue()) {
            errors.add(path + ": fewer than " + schema.get("minItems") + " items");
        }
        JsonNode items = schema.get("items");
        if (items == null) {
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (items.isArray()) {
                if (i < items.size()) {
                    check(items.get(i), document, value.get(i), itemPath, errors);
                } else if (schema.path("additionalItems").isBoolean() && !schema.get("additionalItems").booleanValue()) {
                    errors.add(itemPath + ": more items than the " + items.size() + " allowed");
                }
            } else {
                check(items, document, value.get(i), itemPath, errors);
            }
        }
    }

    private void checkCombinators(JsonNode schema, JsonNode document, JsonNode value, String path, List<String> errors) {
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf").values()) {
                check(part, document, value, path, errors);
            }
        }
        if (schema.has("anyOf") && matching(schema.get("anyOf"), document, value, path) == 0) {
            errors.add(path + ": matches none of anyOf");
        }
        if (schema.has("oneOf")) {
            int matches = matching(schema.get("oneOf"), document, value, path);
            if (matches != 1) {
                errors.add(path + ": matches " + matches + " of oneOf instead of exactly one");
            }
        }
        if (schema.has("not")) {
            List<String> inner = new ArrayList<>();
            check(schema.get("not"), document, value, path, inner);
            if (inner.isEmpty()) {
                errors.add(path + ": matches a schema it must not match: " + schema.get("not"));
            }
        }
    }

    private int matching(JsonNode alternatives, JsonNode document, JsonNode value, String path) {
        int matches = 0;
        for (JsonNode alternative : alternatives.values()) {
            List<String> inner = new ArrayList<>();
            check(alternative, document, value, path, inner);
            if (inner.isEmpty()) {
                matches++;
            }
        }
        return matches;
    }

    private static boolean hasType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type.values()) {
                if (hasType(one, value)) {
                    return true;
                }
            }
            return false;
        }
        switch (type.asString()) {
            case "object":
                return value.isObject();
            case "array":
                return value.isArray();
            case "string":
                return value.isString();
            case "boolean":
                return value.isBoolean();
            case "number":
                return value.isNumber();
            case "integer":
                return value.isIntegralNumber() || (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue()));
            case "null":
                return value.isNull();
            default:
                throw new IllegalStateException("unsupported type " + type);
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        Set<JsonNode> set = new HashSet<>(values.values());
        if (set.contains(value)) {
            return true;
        }
        // 0 and 0.0 are the same JSON number.
        return value.isNumber() && values.values().stream().anyMatch(v -> v.isNumber() && v.doubleValue() == value.doubleValue());
    }

    private static String describe(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
