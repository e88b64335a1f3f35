//! The status of the response tables and examples a page puts under no "Status code:" line: its
//! "Response Parameters" describe the response of the one success status its "Status Codes" table
//! lists (IAM, VPC). With no such table, or several success statuses, they stay under none, and the
//! import reports them.

use crate::import::page::{Page, Side};

/// Puts the response tables and examples under no status under the page's only success status.
pub(super) fn assume_success(page: &mut Page) {
    let mut successes = page
        .status_codes
        .iter()
        .map(|(status, _)| *status)
        .filter(|status| (200..300).contains(status));
    let (Some(success), None) = (successes.next(), successes.next()) else {
        return;
    };
    for table in &mut page.tables {
        if table.side == Side::Response && table.status.is_none() {
            table.status = Some(success);
        }
    }
    for example in &mut page.response_examples {
        example.status.get_or_insert(success);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// IAM: "Response Parameters" without a "Status code:" line, and a Status Codes table with
    /// one success among the errors.
    #[test]
    fn a_response_under_no_status_is_the_only_success() {
        let text = "Creating a Custom Policy\n\nFunction\n\nf\n\nURI\n\nPOST /v3.0/OS-ROLE/roles\n\nResponse Parameters\n\nTable 1 Parameters in the response body\n\nParameter\n\nType\n\nDescription\n\nrole\n\nString\n\nPolicy.\n\nStatus Codes\n\nStatus Code\n\nDescription\n\n201\n\nThe request is successful.\n\n400\n\nThe server failed to process the request.\n";
        let mut page = crate::import::page::parse(text).unwrap();
        assert_eq!(page.tables[0].status, None);
        assume_success(&mut page);
        assert_eq!(page.tables[0].status, Some(201));
        let two = text.replace("400\n", "202\n");
        let mut page = crate::import::page::parse(&two).unwrap();
        assume_success(&mut page);
        assert_eq!(page.tables[0].status, None);
    }
}
