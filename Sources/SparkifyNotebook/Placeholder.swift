/// Notebooks of named Spark SQL cells. (Being built: see issue 4.)
enum NotebookPlaceholder {}
