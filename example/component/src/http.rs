//! `wasi:http/incoming-handler`: routes each request to the catalog and answers in JSON.
//!
//! Every value here crosses the component boundary through `wasi:http`'s resources (request,
//! fields, bodies, streams, the response outparam): the method is a variant, the target an
//! `option<string>`, headers are lists of `tuple<string, list<u8>>`, the body streams return
//! `result`s and the wall clock's `datetime` (for the `date` header) is a record.

use std::io::{Read as _, Write as _};

use wasip2::clocks::wall_clock::{self, Datetime};
use wasip2::exports::http::incoming_handler::Guest;
use wasip2::http::types::{
    Fields, IncomingBody, IncomingRequest, Method, OutgoingBody, OutgoingResponse, ResponseOutparam,
};

use crate::exports::wasmrust::inventory::catalog::{
    Category, Guest as _, LookupError, OrderLine, Query,
};
use crate::{json, Inventory};

const GREETING: &str = "Hello from a WasmRust component! \
                        Try GET /items, GET /items/T-100, POST /quote or POST /echo.\n";

/// Longer request bodies get 413: orders are a few lines.
const MAX_BODY: u64 = 64 * 1024;

/// What `route` decided; `send` turns it into a `wasi:http` response.
struct Response {
    status: u16,
    content_type: &'static str,
    /// Headers besides content-type, content-length, date and x-request-id.
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn text(status: u16, body: impl Into<String>) -> Self {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            headers: Vec::new(),
            body: body.into().into_bytes(),
        }
    }

    /// A JSON body that `write` produces; a newline ends it, for terminals.
    fn json(status: u16, write: impl FnOnce(&mut String)) -> Self {
        let mut body = String::new();
        write(&mut body);
        body.push('\n');
        Response {
            status,
            content_type: "application/json",
            headers: Vec::new(),
            body: body.into_bytes(),
        }
    }

    fn bad_request(detail: &str) -> Self {
        Self::json(400, |out| {
            json::Object::begin(out)
                .str("error", "bad-request")
                .str("detail", detail)
                .end()
        })
    }

    fn method_not_allowed(allow: &'static str) -> Self {
        let mut response = Self::text(405, format!("method not allowed; use {allow}\n"));
        response.headers.push(("allow", allow.to_string()));
        response
    }

    fn header(mut self, name: &'static str, value: impl ToString) -> Self {
        self.headers.push((name, value.to_string()));
        self
    }
}

impl Guest for Inventory {
    fn handle(request: IncomingRequest, out: ResponseOutparam) {
        // A client's request id comes back on the response, as proxies and logs expect.
        let request_id = request.headers().get("x-request-id").into_iter().next();
        let response = route(&request);
        send(response, request_id, out);
    }
}

fn route(request: &IncomingRequest) -> Response {
    let target = request.path_with_query().unwrap_or_else(|| "/".to_string());
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let method = request.method();
    match (&method, path) {
        (Method::Get, "/") => Response::text(200, GREETING),
        (Method::Get, "/items") => list_items(query),
        (Method::Get, _) if path.starts_with("/items/") => get_item(&path["/items/".len()..]),
        (Method::Post, "/quote") => read_body(request).map_or_else(|error| error, |b| quote(&b)),
        (Method::Post, "/echo") => read_body(request).map_or_else(|error| error, echo),
        (_, "/" | "/items") => Response::method_not_allowed("GET"),
        (_, _) if path.starts_with("/items/") => Response::method_not_allowed("GET"),
        (_, "/quote" | "/echo") => Response::method_not_allowed("POST"),
        _ => Response::text(404, format!("not found: {path}\n")),
    }
}

/// `GET /items?category=tool&in-stock=true&max-price=2000`, every parameter optional.
fn list_items(query: &str) -> Response {
    let mut filter = Query {
        category: None,
        in_stock_only: false,
        max_price_cents: None,
    };
    for parameter in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = parameter.split_once('=').unwrap_or((parameter, ""));
        let parsed = match key {
            "category" => parse_category(value).map(|c| filter.category = Some(c)),
            "in-stock" => value.parse().ok().map(|b| filter.in_stock_only = b),
            "max-price" => value.parse().ok().map(|m| filter.max_price_cents = Some(m)),
            _ => None,
        };
        if parsed.is_none() {
            return Response::bad_request(&format!("bad query parameter: {parameter}"));
        }
    }
    let items = Inventory::list_items(filter);
    Response::json(200, |out| json::array(out, &items, json::item))
        .header("x-item-count", items.len())
}

fn parse_category(name: &str) -> Option<Category> {
    [Category::Tool, Category::Part, Category::Book]
        .into_iter()
        .find(|&c| json::category_name(c) == name)
}

fn get_item(sku: &str) -> Response {
    match Inventory::find_item(sku.to_string()) {
        Ok(item) => Response::json(200, |out| json::item(out, &item)),
        Err(error) => Response::json(404, |out| json::lookup_error(out, &error)),
    }
}

/// `POST /quote` with one `SKU QUANTITY` line per item.
fn quote(body: &[u8]) -> Response {
    let Ok(text) = std::str::from_utf8(body) else {
        return Response::bad_request("the order is not UTF-8");
    };
    let mut lines = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words[..] {
            [] => continue,
            [sku, quantity] => match quantity.parse::<u32>() {
                Ok(quantity) if quantity > 0 => lines.push(OrderLine {
                    sku: sku.to_string(),
                    quantity,
                }),
                _ => {
                    let detail = format!("line {}: bad quantity '{quantity}'", number + 1);
                    return Response::bad_request(&detail);
                }
            },
            _ => {
                let detail = format!("line {}: expected `SKU QUANTITY`", number + 1);
                return Response::bad_request(&detail);
            }
        }
    }
    match Inventory::price_order(lines) {
        Ok(quote) => Response::json(200, |out| json::quote(out, &quote)),
        Err(error) => {
            let status = match error {
                LookupError::InsufficientStock(_) => 409,
                LookupError::UnknownSku(_) | LookupError::EmptyOrder => 422,
            };
            Response::json(status, |out| json::lookup_error(out, &error))
        }
    }
}

/// `POST /echo`: the body back, as opaque bytes.
fn echo(body: Vec<u8>) -> Response {
    Response {
        status: 200,
        content_type: "application/octet-stream",
        headers: vec![("x-echo-bytes", body.len().to_string())],
        body,
    }
}

/// The whole request body, or the response that refuses it.
fn read_body(request: &IncomingRequest) -> Result<Vec<u8>, Response> {
    let unreadable = |_| Response::text(500, "cannot read the request body\n");
    let body = request.consume().map_err(unreadable)?;
    let mut bytes = Vec::new();
    {
        // The stream is a child resource of the body: it must be gone before `finish`.
        let stream = body.stream().map_err(unreadable)?;
        // One byte past the limit tells "too long" from "exactly at the limit".
        let read = stream.take(MAX_BODY + 1).read_to_end(&mut bytes);
        read.map_err(|_| Response::text(500, "cannot read the request body\n"))?;
    }
    // Trailers are not used: dropping the future ignores them.
    drop(IncomingBody::finish(body));
    if bytes.len() as u64 > MAX_BODY {
        return Err(Response::text(413, "request body too large\n"));
    }
    Ok(bytes)
}

fn send(response: Response, request_id: Option<Vec<u8>>, out: ResponseOutparam) {
    let mut headers: Vec<(String, Vec<u8>)> = vec![
        ("content-type".into(), response.content_type.into()),
        // Without it the server would have to stream the body chunked.
        (
            "content-length".into(),
            response.body.len().to_string().into(),
        ),
        ("date".into(), http_date(wall_clock::now()).into()),
    ];
    headers.extend(
        response
            .headers
            .into_iter()
            .map(|(name, value)| (name.to_string(), value.into_bytes())),
    );
    let fields = Fields::from_list(&headers).expect("our own headers are valid");
    if let Some(id) = request_id {
        // The host checks the client's value again; an invalid one is left out.
        let _ = fields.append("x-request-id", &id);
    }
    let outgoing = OutgoingResponse::new(fields);
    outgoing
        .set_status_code(response.status)
        .expect("our status codes are valid");
    let body = outgoing
        .body()
        .expect("a new response's body is taken once");
    ResponseOutparam::set(out, Ok(outgoing));

    // From here on the status line is sent: a failed write means the client went away, and
    // there is nobody left to tell.
    let Ok(mut stream) = body.write() else { return };
    let written = stream.write_all(&response.body).is_ok() && stream.blocking_flush().is_ok();
    drop(stream);
    if written {
        let _ = OutgoingBody::finish(body, None);
    }
}

/// RFC 9110's IMF-fixdate, e.g. `Tue, 19 May 2026 08:49:37 GMT`.
fn http_date(now: Datetime) -> String {
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = now.seconds / 86_400;
    let seconds = now.seconds % 86_400;
    let (year, month, day) = civil_date(days);
    format!(
        "{}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        WEEKDAYS[(days % 7) as usize], // 1970-01-01 was a Thursday
        MONTHS[month as usize - 1],
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60,
    )
}

/// (year, month 1-12, day 1-31) of a day counted from 1970-01-01, in the Gregorian calendar.
fn civil_date(days: u64) -> (u64, u64, u64) {
    // Count from 0000-03-01 instead: leap days then fall at the end of a year, and a 400-year
    // era always has 146097 days.
    let days = days + 719_468;
    let era = days / 146_097;
    let day_of_era = days % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    // Months from March: 153 days per 5 months.
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = era * 400 + year_of_era + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_imf_fixdates() {
        let date = |seconds| {
            http_date(Datetime {
                seconds,
                nanoseconds: 0,
            })
        };
        assert_eq!(date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        // 2000 is a leap year (divisible by 400), 2100 is not (by 100 only).
        assert_eq!(date(951_786_123), "Tue, 29 Feb 2000 01:02:03 GMT");
        assert_eq!(date(4_107_542_399), "Sun, 28 Feb 2100 23:59:59 GMT");
        assert_eq!(date(4_107_542_400), "Mon, 01 Mar 2100 00:00:00 GMT");
        assert_eq!(date(1_779_180_577), "Tue, 19 May 2026 08:49:37 GMT");
    }
}
