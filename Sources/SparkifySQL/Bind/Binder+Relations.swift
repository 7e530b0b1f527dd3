import SparkifyTables

extension Binder {
    /// A bound `FROM` item: its plan and the names its columns answer to.
    struct BoundRelation {
        var plan: LogicalPlan
        var scope: BindScope
    }

    /// The comma-separated items of `FROM`, cross-joined left to right.
    func bindFrom(_ relations: [ASTRelation]) throws -> BoundRelation {
        guard var result = try relations.first.map(bindRelation) else {
            // SELECT without FROM reads one row with no columns.
            return BoundRelation(plan: .values(rows: [[]], output: []), scope: .empty)
        }
        for relation in relations.dropFirst() {
            let right = try bindRelation(relation)
            result = BoundRelation(plan: .join(result.plan, right.plan, .cross, condition: nil),
                                   scope: BindScope(entries: result.scope.entries + right.scope.entries))
        }
        return result
    }

    func bindRelation(_ relation: ASTRelation) throws -> BoundRelation {
        switch relation {
        case let .table(name, alias):
            var bound = try bindTable(name, alias: alias)
            if let alias, !alias.columns.isEmpty {
                let plan = try self.alias(bound.plan, as: alias.name.name, columnNames: alias.columns, at: alias.name.position)
                bound = BoundRelation(plan: plan, scope: BindScope(plan.output))
            }
            return bound

        case let .files(relation):
            let (format, path, alias, position) = (relation.format, relation.path, relation.alias, relation.position)
            let scan = try readFiles(format.lowercased(), path, [:], position)
            let qualifier = alias?.name.name
            let source = scan.lake.map(ScanSource.lake)
                ?? ScanSource.files(format: format.lowercased(), path: path, files: scan.files, fileRowStarts: scan.fileRowStarts)
            let bound = scanRelation(source, scan.table, qualifier: qualifier)
            if let alias, !alias.columns.isEmpty {
                let plan = try self.alias(bound.plan, as: qualifier, columnNames: alias.columns, at: alias.name.position)
                return BoundRelation(plan: plan, scope: BindScope(plan.output))
            }
            return bound

        case let .subquery(query, alias):
            outerScopes.append(.empty)  // a FROM subquery cannot see its siblings
            defer { outerScopes.removeLast() }
            let inner = try bindQuery(query)
            let plan = try self.alias(inner, as: alias?.name.name, columnNames: alias?.columns ?? [], at: query.position)
            return BoundRelation(plan: plan, scope: BindScope(plan.output))

        case let .values(inline):
            let (rows, alias, position) = (inline.rows, inline.alias, inline.position)
            var plan = try bindValues(rows, alias: alias?.name.name, at: position)
            if let alias, !alias.columns.isEmpty {
                plan = try self.alias(plan, as: alias.name.name, columnNames: alias.columns, at: alias.name.position)
            }
            return BoundRelation(plan: plan, scope: BindScope(plan.output))

        case let .tableFunction(function):
            let bound = try bindTableFunction(function)
            if let alias = function.alias, !alias.columns.isEmpty {
                let plan = try self.alias(bound.plan, as: alias.name.name, columnNames: alias.columns, at: alias.name.position)
                return BoundRelation(plan: plan, scope: BindScope(plan.output))
            }
            return bound

        case let .join(join):
            return try bindJoin(join)
        }
    }

    /// A table by name: a CTE in scope, else the catalog.
    func bindTable(_ name: ASTObjectName, alias: ASTTableAlias?) throws -> BoundRelation {
        let qualifier = alias?.name.name ?? name.name
        if name.parts.count == 1, let (level, index) = cteLocation(name.name) {
            // Bind the CTE's query afresh for each reference, seeing only the CTEs before it.
            let cte = cteScopes[level][index]
            boundCTEs.insert(cte.name.name.lowercased())
            let saved = cteScopes
            cteScopes = Array(cteScopes[..<level]) + [Array(cteScopes[level][..<index])]
            defer { cteScopes = saved }
            let inner = try bindQuery(cte.query)
            let plan = try self.alias(inner, as: qualifier, columnNames: cte.columns, at: name.position)
            return BoundRelation(plan: plan, scope: BindScope(plan.output))
        }
        guard let entry = catalog.entry(name.name), name.parts.count <= 2 else {
            throw tableNotFound(name)
        }
        return scanRelation(entry.source, entry.table, qualifier: qualifier)
    }

    /// A scan of `table` with fresh column ids. A scan of files also offers the hidden column
    /// behind `input_file_name()`, which costs nothing unless a query reads it.
    func scanRelation(_ source: ScanSource, _ table: Table, qualifier: String?) -> BoundRelation {
        let schema = table.schema
        var output = makeColumns(names: schema.names, types: schema.fields.map(\.type), qualifier: qualifier)
        var ordinals = Array(output.indices)
        var entries = output.map { BindScope.Entry(column: $0) }
        if source.isFileScan {
            let fileColumn = PlanColumn(id: ids.make(), name: Binder.inputFileColumnName, type: .string, qualifier: qualifier, nullable: false)
            output.append(fileColumn)
            ordinals.append(LogicalPlan.inputFileOrdinal)
            entries.append(BindScope.Entry(column: fileColumn, hidden: true))
        }
        let plan = LogicalPlan.scan(source, table: table, output: output, ordinals: ordinals)
        return BoundRelation(plan: plan, scope: BindScope(entries: entries))
    }

    /// The hidden column of a file scan that holds each row's file.
    static let inputFileColumnName = "__input_file_name"


    /// Where the innermost CTE named `name` is defined: its WITH clause and position in it.
    private func cteLocation(_ name: String) -> (Int, Int)? {
        for level in cteScopes.indices.reversed() {
            if let index = cteScopes[level].lastIndex(where: { $0.name.name.caseInsensitiveEquals(name) }) { return (level, index) }
        }
        return nil
    }

    func tableNotFound(_ name: ASTObjectName) -> SQLError {
        let known = catalog.names + cteScopes.flatMap { $0.map(\.name.name) }
        let suggestions = NameSuggestions.nearest(to: name.name, among: known, limit: 3)
        var message = "The table or view `\(name.parts.joined(separator: "."))` cannot be found."
        if !suggestions.isEmpty {
            message += " Did you mean " + suggestions.map { "`\($0)`" }.joined(separator: ", ") + "?"
        } else if known.isEmpty {
            message += " No tables exist yet."
        }
        return SQLError(.analysis, message, errorClass: "TABLE_OR_VIEW_NOT_FOUND", at: name.position)
    }

    /// `VALUES (...), ...`: constant rows; each column takes the common type of its values.
    func bindValues(_ rows: [[ASTExpression]], alias: String?, at position: SourcePosition) throws -> LogicalPlan {
        guard let width = rows.first?.count else {
            throw SQLError(.analysis, "VALUES needs at least one row.", at: position)
        }
        let context = ExpressionContext(scope: .empty, clause: "VALUES")
        var bound: [[BoundExpression]] = []
        for row in rows {
            guard row.count == width else {
                throw SQLError(.analysis, "All rows of VALUES must have the same number of values: the first has \(width), another \(row.count).",
                               errorClass: "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH", at: row.first?.position ?? position)
            }
            bound.append(try row.map { try bindExpression($0, context) })
        }
        var types: [DataType] = []
        for column in 0..<width {
            var type = bound[0][column].type
            for row in bound.dropFirst() {
                guard let common = commonType(type, row[column].type) else {
                    throw SQLError(.analysis, "Incompatible types in VALUES column \(column + 1): \(type.simpleString) and \(row[column].type.simpleString).",
                                   errorClass: "INVALID_INLINE_TABLE.INCOMPATIBLE_TYPES_IN_INLINE_TABLE", at: rows[0][column].position)
                }
                type = common
            }
            types.append(type == .null ? .null : type)
        }
        let cast = bound.map { row in zip(row, types).map { e, t in e.type == t ? e : BoundExpression.cast(e, t, isTry: false) } }
        let output = makeColumns(names: (1...width).map { "col\($0)" }, types: types, qualifier: alias)
        return .values(rows: cast, output: output)
    }

    private func bindJoin(_ join: ASTJoin) throws -> BoundRelation {
        let left = try bindRelation(join.left)
        let right = try bindRelation(join.right)
        let kind: JoinKind
        switch join.type {
        case .inner: kind = .inner
        case .cross: kind = .cross
        case .leftOuter: kind = .left
        case .rightOuter: kind = .right
        case .fullOuter: kind = .full
        case .leftSemi: kind = .leftSemi
        case .leftAnti: kind = .leftAnti
        }
        let combined = BindScope(entries: left.scope.entries + right.scope.entries)
        var usingNames: [ASTIdentifier] = []
        switch join.criteria {
        case .using(let names): usingNames = names
        case .none where join.isNatural:
            let rightNames = Set(right.scope.visibleColumns.map { $0.name.lowercased() })
            usingNames = left.scope.visibleColumns.filter { rightNames.contains($0.name.lowercased()) }
                .map { ASTIdentifier($0.name, at: join.position) }
        case let .on(condition):
            let bound = try bindCondition(condition, ExpressionContext(scope: combined, clause: "JOIN condition"))
            let plan = LogicalPlan.join(left.plan, right.plan, kind == .cross ? .inner : kind, condition: bound)
            return BoundRelation(plan: plan, scope: kind == .leftSemi || kind == .leftAnti ? left.scope : combined)
        case .none:
            let plan = LogicalPlan.join(left.plan, right.plan, kind == .inner ? .cross : kind, condition: nil)
            return BoundRelation(plan: plan, scope: kind == .leftSemi || kind == .leftAnti ? left.scope : combined)
        }
        return try bindUsingJoin(left, right, kind, usingNames, at: join.position)
    }

    /// `JOIN ... USING (a, b)`: equality on the named columns, which appear once in the result
    /// (first, coalesced for a full join), as Spark does.
    private func bindUsingJoin(_ left: BoundRelation, _ right: BoundRelation, _ kind: JoinKind, _ names: [ASTIdentifier], at position: SourcePosition) throws -> BoundRelation {
        var conditions: [BoundExpression] = []
        var pairs: [(PlanColumn, PlanColumn)] = []
        for name in names {
            guard let l = try left.scope.resolve([name.name], at: name.position) else {
                throw SQLError(.analysis, "USING column `\(name.name)` cannot be resolved on the left side of the join. The left-side columns: [\(left.scope.visibleColumns.map { "`\($0.name)`" }.joined(separator: ", "))].",
                               errorClass: "UNRESOLVED_USING_COLUMN_FOR_JOIN", at: name.position)
            }
            guard let r = try right.scope.resolve([name.name], at: name.position) else {
                throw SQLError(.analysis, "USING column `\(name.name)` cannot be resolved on the right side of the join. The right-side columns: [\(right.scope.visibleColumns.map { "`\($0.name)`" }.joined(separator: ", "))].",
                               errorClass: "UNRESOLVED_USING_COLUMN_FOR_JOIN", at: name.position)
            }
            conditions.append(try comparison("=", l.reference, r.reference, at: name.position))
            pairs.append((l, r))
        }
        let joinKind: JoinKind = kind == .cross ? .inner : kind
        let joined = LogicalPlan.join(left.plan, right.plan, joinKind, condition: BoundExpression.conjunction(conditions))
        if joinKind == .leftSemi || joinKind == .leftAnti { return BoundRelation(plan: joined, scope: left.scope) }

        var items: [NamedExpression] = []
        var entries: [BindScope.Entry] = []
        let usedIDs = Set(pairs.flatMap { [$0.0.id, $0.1.id] })
        for (l, r) in pairs {
            let type = commonType(l.type, r.type) ?? l.type
            let expr: BoundExpression
            switch joinKind {
            case .right: expr = r.reference
            case .full: expr = .call("coalesce", [l.reference, r.reference].map { castIfNeeded($0, to: type) }, type)
            default: expr = l.reference
            }
            let column = PlanColumn(id: ids.make(), name: l.name, type: expr.type, qualifier: nil)
            items.append(NamedExpression(expr, as: column))
            entries.append(BindScope.Entry(column: column))
        }
        for entry in left.scope.entries + right.scope.entries {
            items.append(NamedExpression(entry.column.reference, as: entry.column))
            entries.append(BindScope.Entry(column: entry.column, hidden: entry.hidden || usedIDs.contains(entry.column.id)))
        }
        return BoundRelation(plan: .project(joined, items), scope: BindScope(entries: entries))
    }
}
