-- Daily revenue, from the orders the overnight load lands.
select order_date, sum(amount) as revenue
from warehouse.orders
group by order_date
