import Foundation
import SparkifyTables

extension DatetimePattern {
    /// Appends `fields` formatted by this pattern; `zone` names the zone for `z`/`V`.
    func format(_ f: LocalDateTimeFields, zone: SessionTimeZone, into out: inout [UInt8]) {
        steps.withUnsafeBufferPointer { steps in
            literalBytes.withUnsafeBufferPointer { literals in
                for step in steps {
                    if step.letter == 0 {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: literals[step.literalStart..<(step.literalStart + step.literalCount)]))
                    } else {
                        formatField(step.letter, step.count, f, zone: zone, into: &out)
                    }
                }
            }
        }
    }

    private func formatField(_ letter: UInt8, _ count: Int, _ f: LocalDateTimeFields, zone: SessionTimeZone, into out: inout [UInt8]) {
        switch letter {
        case UInt8(ascii: "G"):
            out.appendString(count == 4 ? (f.year > 0 ? "Anno Domini" : "Before Christ") : (f.year > 0 ? "AD" : "BC"))
        case UInt8(ascii: "y"):
            if count == 2 {
                out.appendPadded(Int(floorModulo(Int64(f.year), 100)), width: 2)
            } else {
                // Spark formats `y` as the proleptic year (`u`); with 4+ letters a year beyond
                // the pad width gets a '+' sign.
                if count >= 4 && f.year > 9999 && count < String(f.year).count { out.append(UInt8(ascii: "+")) }
                out.appendPadded(f.year, width: count)
            }
        case UInt8(ascii: "M"), UInt8(ascii: "L"):
            switch count {
            case 1, 2: out.appendPadded(f.month, width: count)
            case 3: out.appendString(DatetimePattern.monthShort[f.month - 1])
            default: out.appendString(DatetimePattern.monthLong[f.month - 1])
            }
        case UInt8(ascii: "d"): out.appendPadded(f.day, width: count)
        case UInt8(ascii: "D"): out.appendPadded(f.dayOfYear, width: count)
        case UInt8(ascii: "Q"), UInt8(ascii: "q"):
            let quarter = (f.month - 1) / 3 + 1
            switch count {
            case 1, 2: out.appendPadded(quarter, width: count)
            case 3: out.appendString("Q\(quarter)")
            default: out.appendString(DatetimePattern.quarterLong[quarter - 1])
            }
        case UInt8(ascii: "E"):
            out.appendString(count == 4 ? DatetimePattern.dayLong[f.isoDayIndex] : DatetimePattern.dayShort[f.isoDayIndex])
        case UInt8(ascii: "F"): out.appendPadded((f.day - 1) % 7 + 1, width: count)
        case UInt8(ascii: "a"): out.appendString(f.hour < 12 ? "AM" : "PM")
        case UInt8(ascii: "h"): out.appendPadded(f.hour % 12 == 0 ? 12 : f.hour % 12, width: count)
        case UInt8(ascii: "K"): out.appendPadded(f.hour % 12, width: count)
        case UInt8(ascii: "k"): out.appendPadded(f.hour == 0 ? 24 : f.hour, width: count)
        case UInt8(ascii: "H"): out.appendPadded(f.hour, width: count)
        case UInt8(ascii: "m"): out.appendPadded(f.minute, width: count)
        case UInt8(ascii: "s"): out.appendPadded(f.second, width: count)
        case UInt8(ascii: "S"):
            // The first `count` digits of the nine-digit fraction.
            let nanos = f.micros * 1000
            var divisor = 100_000_000
            for _ in 0..<count {
                out.append(UInt8(48 + (nanos / divisor) % 10))
                divisor /= 10
            }
        case UInt8(ascii: "V"): out.appendString(zone.identifier)
        case UInt8(ascii: "z"): out.appendString(zoneName(zone, f, long: count == 4))
        case UInt8(ascii: "O"): out.appendString(localizedOffset(f.offsetSeconds, long: count == 4))
        case UInt8(ascii: "X"), UInt8(ascii: "x"), UInt8(ascii: "Z"):
            out.appendString(offsetText(letter, count, f.offsetSeconds))
        default:
            break
        }
    }

    /// `X`/`x`/`Z` offsets as Java's `DateTimeFormatter` prints them.
    private func offsetText(_ letter: UInt8, _ count: Int, _ offset: Int) -> String {
        if letter == UInt8(ascii: "Z") {
            if count == 4 { return localizedOffset(offset, long: true) }
            if count == 5 { return offset == 0 ? "Z" : hms(offset, colons: true, withSeconds: false, optionalMinutes: false) }
            return hms(offset, colons: false, withSeconds: false, optionalMinutes: false)
        }
        if letter == UInt8(ascii: "X") && offset == 0 { return "Z" }
        switch count {
        case 1: return hms(offset, colons: false, withSeconds: false, optionalMinutes: true)
        case 2: return hms(offset, colons: false, withSeconds: false, optionalMinutes: false)
        case 3: return hms(offset, colons: true, withSeconds: false, optionalMinutes: false)
        case 4: return hms(offset, colons: false, withSeconds: true, optionalMinutes: false)
        default: return hms(offset, colons: true, withSeconds: true, optionalMinutes: false)
        }
    }

    private func hms(_ offset: Int, colons: Bool, withSeconds: Bool, optionalMinutes: Bool) -> String {
        let sign = offset < 0 ? "-" : "+"
        let a = abs(offset)
        let h = a / 3600, m = a / 60 % 60, s = a % 60
        var text = sign + two(h)
        if optionalMinutes && m == 0 { return text }
        text += (colons ? ":" : "") + two(m)
        if withSeconds && s != 0 { text += (colons ? ":" : "") + two(s) }
        return text
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// `O` / `OOOO`: `GMT+8` / `GMT+08:00`, `GMT` for zero.
    private func localizedOffset(_ offset: Int, long: Bool) -> String {
        if offset == 0 { return "GMT" }
        let sign = offset < 0 ? "-" : "+"
        let a = abs(offset)
        let h = a / 3600, m = a / 60 % 60
        if long { return "GMT" + sign + two(h) + ":" + two(m) }
        return "GMT" + sign + "\(h)" + (m != 0 ? ":" + two(m) : "")
    }

    /// `z` (short, `PST`) or `zzzz` (long, `Pacific Standard Time`) zone names.
    private func zoneName(_ zone: SessionTimeZone, _ f: LocalDateTimeFields, long: Bool) -> String {
        if zone.isUTC { return long ? "Coordinated Universal Time" : "UTC" }
        guard let tz = TimeZone(identifier: zone.identifier) else { return localizedOffset(f.offsetSeconds, long: true) }
        let instant = Date(timeIntervalSince1970: Double(Int64(f.days) * 86_400 + Int64(f.hour * 3600 + f.minute * 60 + f.second) - Int64(f.offsetSeconds)))
        let daylight = tz.isDaylightSavingTime(for: instant)
        let style: NSTimeZone.NameStyle = long ? (daylight ? .daylightSaving : .standard) : (daylight ? .shortDaylightSaving : .shortStandard)
        return tz.localizedName(for: style, locale: Locale(identifier: "en_US")) ?? localizedOffset(f.offsetSeconds, long: true)
    }
}
