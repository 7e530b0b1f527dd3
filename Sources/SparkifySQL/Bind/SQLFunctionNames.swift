/// Function names for the REPL's tab completion.
public enum SQLFunctionNames {
    /// Every aggregate and window function name, sorted (the scalar ones are in
    /// `ScalarFunctionRegistry.names`).
    public static var aggregateAndWindow: [String] {
        AggregateFunctions.aggregateNames.union(AggregateFunctions.windowOnlyNames).sorted()
    }
}
