import SparkifyNotebook

/// The kinds of chart: `bar` (vertical bars over an ordered axis), `hbar` (horizontal bars,
/// ranked) and `share` (shares of a whole). The same type a notebook cell declares.
public typealias ChartKind = CellChart.Kind
