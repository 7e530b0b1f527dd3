import Testing
@testable import SparkifySQL

/// Random ASTs printed with `description` must parse back to equal ASTs: this checks that the
/// printer parenthesizes and quotes enough, and that the parser's precedence matches it.
@Suite struct ParseRoundTripTests {
    struct Generator {
        var random: SplitMix
        let here = SourcePosition(line: 1, column: 1)

        init(seed: UInt64) { random = SplitMix(seed: seed) }

        mutating func pick<T>(_ options: [T]) -> T { options.randomElement(using: &random)! }
        mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

        mutating func name() -> String {
            pick(["a", "b", "Year", "level", "user_id", "select", "from", "a b", "x`y", "日付", "1st", "date", "table", "first"])
        }

        mutating func literal() -> ASTLiteral {
            switch Int.random(in: 0..<12, using: &random) {
            case 0: return .null
            case 1: return .boolean(chance(50))
            case 2: return .integer(Int64.random(in: -3_000_000_000...3_000_000_000, using: &random), .bigint)
            case 3: return .integer(Int64(Int32.random(in: Int32.min...Int32.max, using: &random)), .int)
            case 4: return .integer(Int64.random(in: -128...127, using: &random), .tinyint)
            case 5: return .decimal(pick(["0.5", "-12.250", "100.0", "123456789012345678901", "-7"]))
            case 6: return .double(pick([1.5, -2.25e-10, 1e300, 0.1, 42]))
            case 7: return .string(pick(["", "it's", "back\\slash", "tab\there", "new\nline", "é日本", "%_", "\u{1}"]))
            case 8: return .date("2018-11-01")
            case 9: return .timestamp("2018-11-01 12:00:00")
            case 10: return .interval(ASTInterval(parts: [ASTInterval.Part(value: "3", unit: "DAY")]))
            default: return .float(2.5)
            }
        }

        mutating func expression(depth: Int) -> ASTExpression {
            if depth == 0 || chance(20) {
                if chance(40) { return ASTExpression(.literal(literal()), at: here) }
                return ASTExpression(.column(chance(70) ? [name()] : [name(), name()]), at: here)
            }
            let next = depth - 1
            func sub(_ generator: inout Generator) -> ASTExpression { generator.expression(depth: next) }
            let kind: ASTExpression.Kind
            switch Int.random(in: 0..<17, using: &random) {
            case 0: kind = .unary(pick([.negate, .plus, .bitwiseNot, .not]), sub(&self))
            case 1, 2, 3:
                let op: ASTBinaryOperator = pick([.add, .subtract, .multiply, .divide, .remainder, .integralDivide, .concat,
                                                  .bitwiseAnd, .bitwiseOr, .bitwiseXor, .shiftLeft, .shiftRight, .equal,
                                                  .nullSafeEqual, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual,
                                                  .and, .or])
                kind = .binary(op, sub(&self), sub(&self))
            case 4: kind = .isNull(sub(&self), negated: chance(50))
            case 5: kind = .isBoolean(sub(&self), value: pick([true, false, nil]), negated: chance(50))
            case 6: kind = .isDistinctFrom(sub(&self), sub(&self), negated: chance(50))
            case 7: kind = .between(sub(&self), low: sub(&self), high: sub(&self), negated: chance(50))
            case 8: kind = .inList(sub(&self), [sub(&self), sub(&self)], negated: chance(50))
            case 9:
                kind = .like(sub(&self), pattern: sub(&self), caseInsensitive: chance(50),
                             escape: chance(30) ? "!" : nil, negated: chance(50))
            case 10: kind = .rlike(sub(&self), pattern: sub(&self), negated: chance(50))
            case 11:
                kind = .caseWhen(operand: chance(50) ? sub(&self) : nil,
                                 branches: [ASTWhenBranch(condition: sub(&self), result: sub(&self))],
                                 otherwise: chance(50) ? sub(&self) : nil)
            case 12:
                let type: ASTDataType = pick([.int, .bigint, .string, .decimal(precision: 10, scale: 2), .array(.int),
                                             .structure([ASTStructField(name: "from", type: .date)]), .timestamp])
                kind = .cast(sub(&self), type, isTry: chance(30))
            case 13:
                var call = ASTFunctionCall(name: [pick(["coalesce", "Sum", "my_f", "count"])], arguments: [sub(&self)],
                                           isDistinct: chance(30))
                if chance(30) { call.filter = sub(&self) }
                if chance(20) { call.ignoreNulls = chance(50) }
                if chance(40) {
                    call.window = ASTWindowSpec(partitionBy: [sub(&self)],
                                                orderBy: [ASTSortItem(sub(&self), ascending: chance(50),
                                                                      nullsFirst: pick([true, false, nil]))],
                                                frame: chance(50) ? ASTWindowFrame(unit: .rows, start: .preceding(sub(&self)),
                                                                                   end: .unboundedFollowing) : nil)
                }
                kind = .function(call)
            case 14: kind = .element(sub(&self), sub(&self))
            case 15:
                let call = ASTFunctionCall(name: ["f"], arguments: [sub(&self)])
                kind = .field(ASTExpression(.function(call), at: here), name())
            default: kind = .row([sub(&self), sub(&self)])
            }
            return ASTExpression(kind, at: here)
        }

        mutating func queryBody(depth: Int) -> ASTQueryBody {
            if depth == 0 || chance(30) {
                let select = ASTSelect(isDistinct: chance(20), items: [ASTSelectItem(expression(depth: 2),
                                                                                     alias: chance(50) ? ASTIdentifier(name(), at: here) : nil)],
                                       from: [relation(depth: 2)], whereClause: chance(50) ? expression(depth: 2) : nil)
                return .select(select)
            }
            return .setOperation(pick([.union, .intersect, .except]), all: chance(50),
                                 queryBody(depth: depth - 1), queryBody(depth: depth - 1))
        }

        mutating func relation(depth: Int) -> ASTRelation {
            let alias = chance(50) ? ASTTableAlias(ASTIdentifier(name(), at: here)) : nil
            if depth == 0 || chance(40) { return .table(ASTObjectName([name()], at: here), alias: alias) }
            let type: ASTJoinType = pick([.inner, .cross, .leftOuter, .rightOuter, .fullOuter, .leftSemi, .leftAnti])
            let criteria: ASTJoinCriteria = pick([.none, .on(expression(depth: 2)), .using([ASTIdentifier(name(), at: here)])])
            return .join(ASTJoin(type: type, left: relation(depth: depth - 1), right: relation(depth: depth - 1),
                                 criteria: criteria, at: here))
        }
    }

    @Test func randomExpressionsRoundTrip() throws {
        var generator = Generator(seed: 7777)
        for _ in 0..<4_000 {
            let expression = generator.expression(depth: 4)
            let text = "SELECT \(expression)"
            do {
                let parsed = try SQLParser.parseStatement(text)
                guard case let .query(query) = parsed, case let .select(select) = query.body else {
                    Issue.record("not a select: \(text)")
                    continue
                }
                #expect(select.items.first?.expression == expression, "\(text)")
            } catch {
                Issue.record("\(text): \(error)")
            }
        }
    }

    @Test func randomQueriesRoundTrip() throws {
        var generator = Generator(seed: 1234)
        for _ in 0..<1_500 {
            let query = ASTQuery(body: generator.queryBody(depth: 3), at: SourcePosition(line: 1, column: 1))
            let text = query.description
            do {
                let parsed = try SQLParser.parseQuery(text)
                #expect(parsed == query, "\(text)")
            } catch {
                Issue.record("\(text): \(error)")
            }
        }
    }
}
