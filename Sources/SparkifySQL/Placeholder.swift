public enum SQLPlaceholder {}
