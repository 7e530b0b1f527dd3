/// The JSON lake reader. (Being built: see issue 2.)
public enum JSONReaderPlaceholder {}
