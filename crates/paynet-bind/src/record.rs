//! [`Record`]: one balance of an [`Answer`] with its fields walkable, so that every
//! binding renders an endpoint's balance and a list of balances by one loop over the
//! layer's [`BalanceField`] table instead of matching the two shapes itself.

use std::collections::BTreeMap;

use paynet_api::{Balance, BalanceField, EndpointBalance, FieldValue};

use crate::Answer;

/// One balance of an answer: an endpoint's balance or one of a list of balances.
#[derive(Debug, Clone, Copy)]
pub enum Record<'a> {
    /// An endpoint's balance (its one field, `balance-amount`).
    Endpoint(&'a EndpointBalance),
    /// One of a manager's or merchant's balances.
    Balance(&'a Balance),
}

impl<'a> Record<'a> {
    /// The fields this kind of balance has, in the table's order.
    pub fn field_names(self) -> &'static [BalanceField] {
        match self {
            Record::Endpoint(_) => &BalanceField::ENDPOINT_BALANCE,
            Record::Balance(_) => &BalanceField::BALANCE,
        }
    }

    /// One field's value: `None` when the gateway left it out or this kind of balance
    /// has no such field.
    pub fn get(self, field: BalanceField) -> Option<FieldValue<'a>> {
        match self {
            Record::Endpoint(b) => field.of_endpoint(b),
            Record::Balance(b) => field.of(b),
        }
    }

    /// Each field of this kind of balance with its value ([`Record::get`]), in order.
    pub fn fields(self) -> impl Iterator<Item = (BalanceField, Option<FieldValue<'a>>)> {
        self.field_names().iter().map(move |&f| (f, self.get(f)))
    }

    /// The fields the gateway sent that the table does not name, by their wire names.
    pub fn extra(self) -> &'a BTreeMap<String, String> {
        match self {
            Record::Endpoint(b) => &b.extra,
            Record::Balance(b) => &b.extra,
        }
    }
}

/// What a binding makes of an answer: one value for an endpoint's balance, a list for
/// balances (see [`Answer::map_records`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shaped<T> {
    /// An endpoint's balance.
    One(T),
    /// A manager's or merchant's balances, in the gateway's order.
    List(Vec<T>),
}

impl<T, E> Shaped<Result<T, E>> {
    /// The first error, or the values.
    pub fn transpose(self) -> Result<Shaped<T>, E> {
        Ok(match self {
            Shaped::One(one) => Shaped::One(one?),
            Shaped::List(list) => Shaped::List(list.into_iter().collect::<Result<_, _>>()?),
        })
    }
}

impl Answer {
    /// How many balances it holds.
    pub fn count(&self) -> usize {
        match self {
            Answer::EndpointBalance(_) => 1,
            Answer::Balances(list) => list.len(),
        }
    }

    /// The balance at `index`, if there is one.
    pub fn record(&self, index: usize) -> Option<Record<'_>> {
        match self {
            Answer::EndpointBalance(b) => (index == 0).then_some(Record::Endpoint(b)),
            Answer::Balances(list) => list.get(index).map(Record::Balance),
        }
    }

    /// Its balances in order.
    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        (0..self.count()).filter_map(|i| self.record(i))
    }

    /// `f` of each balance, shaped as the answer is: one or a list.
    pub fn map_records<'a, T>(&'a self, mut f: impl FnMut(Record<'a>) -> T) -> Shaped<T> {
        match self {
            Answer::EndpointBalance(b) => Shaped::One(f(Record::Endpoint(b))),
            Answer::Balances(_) => Shaped::List(self.records().map(f).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use paynet_api::BalanceField as F;

    use super::Shaped;
    use crate::Answer;

    #[test]
    fn an_endpoint_balance_is_one_record_of_one_field() {
        let a = Answer::parse("get-balance", 200, b"balance-amount=29.990&x=1\n").unwrap();
        assert_eq!(a.count(), 1);
        let record = a.record(0).unwrap();
        let fields: Vec<_> = record
            .fields()
            .map(|(f, v)| (f, v.map(|v| v.to_string())))
            .collect();
        assert_eq!(fields, [(F::BalanceAmount, Some("29.990".to_owned()))]);
        assert_eq!(record.get(F::Name), None);
        assert_eq!(record.extra().get("x").map(String::as_str), Some("1"));
        assert!(a.record(1).is_none());
        assert_eq!(a.map_records(|r| r.fields().count()), Shaped::One(1));
    }

    #[test]
    fn each_balance_of_a_list_is_a_record_of_the_nine_fields() {
        let body = br#"[{"name":"A","amount":1.5,"currency":"USD"},
            {"name":"B","amount":2,"currency":"EUR","merchantLogin":"m"}]"#;
        let a = Answer::parse("get-balance/manager", 200, body).unwrap();
        let records: Vec<_> = a.records().collect();
        assert_eq!((a.count(), records.len()), (2, 2));
        assert!(a.record(2).is_none());
        assert_eq!(records[1].fields().count(), 9);
        assert_eq!(records[1].field_names(), &F::BALANCE);
        let names = a.map_records(|r| r.get(F::Name).map(|v| v.to_string()));
        assert_eq!(
            names,
            Shaped::List(vec![Some("A".into()), Some("B".into())])
        );
        let failed = a.map_records(|r| r.get(F::MerchantLogin).ok_or("no login"));
        assert_eq!(failed.transpose(), Err("no login"));
        let text = |i: usize, f| records[i].get(f).map(|v| v.to_string());
        assert_eq!(text(0, F::Amount).as_deref(), Some("1.5"));
        assert_eq!(text(1, F::Currency).as_deref(), Some("EUR"));
        assert_eq!(text(1, F::MerchantLogin).as_deref(), Some("m"));
        assert_eq!(text(0, F::MerchantLogin), None);
        assert_eq!(text(0, F::BalanceAmount), None);
    }
}
